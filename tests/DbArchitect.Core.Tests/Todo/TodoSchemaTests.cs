using System.Text.Json.Nodes;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation;

namespace DbArchitect.Core.Tests.Todo;

public sealed class TodoSchemaTests
{
    [Fact]
    public void Serialised_document_is_accepted_by_the_published_schema()
    {
        var json = TodoJson.Serialize(SampleTodo.Rich());

        Assert.Empty(TodoSchema.Evaluate(json));
    }

    [Fact]
    public void Json_uses_camel_case_names_and_enum_strings_and_omits_nulls()
    {
        var json = JsonNode.Parse(TodoJson.Serialize(SampleTodo.Rich()))!;

        var item = json["items"]![1]!;
        Assert.Equal("index", item["type"]!.GetValue<string>());
        Assert.Equal("high", item["severity"]!.GetValue<string>());
        Assert.Equal("indexing", json["plan"]![1]!["area"]!.GetValue<string>());
        Assert.Null(json["items"]![0]!.AsObject()["resolution"]);
        Assert.False(json["qualityChecklist"]![1]!.AsObject().ContainsKey("evidence"));
    }

    [Fact]
    public void Json_reads_back_into_an_equal_document()
    {
        var json = TodoJson.Serialize(SampleTodo.Rich());

        Assert.Equal(json, TodoJson.Serialize(TodoJson.Deserialize(json)));
    }

    [Theory]
    [InlineData("plan", "DB-PLAN-0.1")]
    [InlineData("plan", "DB-PLAN-1")]
    [InlineData("items", "DB-ITEM-1.01")]
    [InlineData("items", "TASK-1.1")]
    [InlineData("qualityChecklist", "DB-QA-1.1")]
    public void Badly_formed_id_is_rejected_with_a_pointer_to_it(string list, string badId)
    {
        var json = JsonNode.Parse(TodoJson.Serialize(SampleTodo.Rich()))!;
        json[list]![0]!["id"] = badId;

        var errors = TodoSchema.Evaluate(json.ToJsonString());

        Assert.Contains(errors, error => error.Location == $"/{list}/0/id");
    }

    [Fact]
    public void Item_without_rollback_is_rejected_with_a_pointer_to_the_item()
    {
        var json = JsonNode.Parse(TodoJson.Serialize(SampleTodo.Rich()))!;
        json["items"]![2]!.AsObject().Remove("rollback");

        var errors = TodoSchema.Evaluate(json.ToJsonString());

        var error = Assert.Single(errors);
        Assert.Equal("/items/2", error.Location);
        Assert.Contains("rollback", error.Message);
    }

    [Fact]
    public void Unknown_properties_and_enum_values_are_rejected()
    {
        var json = JsonNode.Parse(TodoJson.Serialize(SampleTodo.Rich()))!;
        json["items"]![0]!["type"] = "magic";
        json["context"]!["password"] = "secret";

        var errors = TodoSchema.Evaluate(json.ToJsonString());

        Assert.Contains(errors, error => error.Location == "/items/0/type");
        Assert.Contains(errors, error => error.Location.StartsWith("/context", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_is_not_json_is_one_error()
    {
        var error = Assert.Single(TodoSchema.Evaluate("{ not json"));

        Assert.StartsWith("not JSON", error.Message);
    }
}
