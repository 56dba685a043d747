using System.Text.Json;
using DbArchitect.Postgres.Tools;
using DbArchitect.Testing;
using Microsoft.SemanticKernel;

namespace DbArchitect.Postgres.Tests.Tools;

/// <summary>The tools are one Semantic Kernel plugin: an application that imports it gets the same answers the model gets.</summary>
[Collection(ShopWorkloadCollection.Name)]
public sealed class ToolPluginTests(ShopWorkloadFixture fixture)
{
    private ArchitectTools Tools() =>
        new(fixture.Snapshot, fixture.Findings, ShopWorkloadFixture.Workload, fixture.Session,
            LiteralRedactor.For(ShopWorkloadFixture.Workload.Select(w => w.Text)));

    [Fact]
    public async Task A_kernel_that_imports_the_plugin_invokes_a_tool_and_gets_its_json_answer()
    {
        var tools = Tools();
        var kernel = new Kernel();
        kernel.Plugins.Add(tools.Plugin);

        var answer = await kernel.InvokeAsync(ArchitectTools.PluginName, "describe_table", new KernelArguments { ["table"] = "public.orders" });

        var description = answer.GetValue<JsonElement>();
        Assert.Equal("public.orders", description.GetProperty("name").GetString());
        Assert.Contains(description.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "customer_id");
        Assert.Equal(1, tools.Log.Counts["describe_table"]);
    }

    [Fact]
    public void The_model_sees_the_plugins_functions_under_their_own_names()
    {
        var tools = Tools();

        Assert.Equal(
            ["advise_indexes", "check_rewrite", "cost_index", "describe_table", "explain", "list_findings", "list_tables"],
            tools.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(tools.Plugin.Select(f => f.Name).Order(StringComparer.Ordinal), tools.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_a_target_session_only_the_catalog_tools_are_offered()
    {
        var tools = new ArchitectTools(fixture.Snapshot, fixture.Findings, [], session: null, LiteralRedactor.Off);

        Assert.Equal(["describe_table", "list_findings", "list_tables"], tools.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }
}
