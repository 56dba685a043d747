using System.Security.Cryptography;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Tests.Model;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dbarch-prompts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Shipped_prompts_are_found_beside_the_tool_with_versions_and_the_hash_sha256sum_prints()
    {
        var library = await PromptLibrary.LoadAsync(null, CancellationToken.None);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "prompts"), library.Directory);
        foreach (var prompt in new[] { library.ArchitectSystem, library.ArchitectRepair, library.ArchitectRound, library.ChatSystem })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(library.Directory, prompt.Name + ".md"));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), prompt.Sha256);
            Assert.Matches("^[0-9]+$", prompt.Version);
            Assert.DoesNotContain("version:", prompt.Text);
        }
    }

    [Fact]
    public async Task The_hash_is_stable_across_loads_and_changes_with_the_words()
    {
        WritePromptSet(architectBody: "Plan the database.");
        var first = await PromptLibrary.LoadAsync(_folder, CancellationToken.None);
        var second = await PromptLibrary.LoadAsync(_folder, CancellationToken.None);
        WritePromptSet(architectBody: "Plan the database carefully.");
        var changed = await PromptLibrary.LoadAsync(_folder, CancellationToken.None);

        Assert.Equal(first.ArchitectSystem.Sha256, second.ArchitectSystem.Sha256);
        Assert.NotEqual(first.ArchitectSystem.Sha256, changed.ArchitectSystem.Sha256);
        Assert.Equal(12, first.ArchitectSystem.ShortHash.Length);
        Assert.Equal($"architect.system v7 (sha256 {first.ArchitectSystem.ShortHash})", first.ArchitectSystem.Label);
        Assert.Equal("Plan the database.", first.ArchitectSystem.Text);
    }

    [Fact]
    public async Task A_missing_prompt_file_is_a_one_line_usage_error_naming_the_file()
    {
        WritePromptSet(architectBody: "Plan.");
        File.Delete(Path.Combine(_folder, "chat.system.md"));

        var error = await Assert.ThrowsAsync<DbArchitectException>(() => PromptLibrary.LoadAsync(_folder, CancellationToken.None));

        Assert.Equal(FailureKind.Usage, error.Kind);
        Assert.Contains("chat.system.md", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_prompt_without_a_version_line_is_a_usage_error()
    {
        WritePromptSet(architectBody: "Plan.");
        File.WriteAllText(Path.Combine(_folder, "architect.repair.md"), "---\nprompt: architect.repair\n---\nFix it.\n");

        var error = await Assert.ThrowsAsync<DbArchitectException>(() => PromptLibrary.LoadAsync(_folder, CancellationToken.None));

        Assert.Equal(FailureKind.Usage, error.Kind);
        Assert.Contains("version", error.Message);
    }

    [Fact]
    public async Task The_repair_prompt_is_filled_with_the_errors_and_refuses_to_go_out_with_a_hole()
    {
        var repair = (await PromptLibrary.LoadAsync(null, CancellationToken.None)).ArchitectRepair;

        var filled = repair.Fill(new Dictionary<string, string>
        {
            ["attempt"] = "1",
            ["maxAttempts"] = "2",
            ["errors"] = "- DB-ITEM-3.1: table public.ordres does not exist {{not a placeholder}}",
        });

        Assert.Contains("- DB-ITEM-3.1: table public.ordres does not exist {{not a placeholder}}", filled);
        Assert.DoesNotContain("{{errors}}", filled);
        Assert.Throws<ArgumentException>(() => repair.Fill(new Dictionary<string, string> { ["errors"] = "x" }));
    }

    [Fact]
    public async Task The_architect_prompt_names_every_heading_id_scheme_and_document_part()
    {
        var text = (await PromptLibrary.LoadAsync(null, CancellationToken.None)).ArchitectSystem.Text;

        foreach (var area in TodoAreas.InOrder)
        {
            Assert.Contains($"{TodoIds.AreaNumber(area)} {TodoAreas.Heading(area)}", text);
        }

        foreach (var required in new[]
                 {
                     "DB-PLAN-x.y", "DB-ITEM-x.y", "DB-QA-n", "context", "plan", "items", "codeChanges", "commands",
                     "qualityChecklist", "rollback", "migration strategy", "EXPLAIN ANALYZE", "TODO_database-architect.md",
                 })
        {
            Assert.Contains(required, text);
        }
    }

    private void WritePromptSet(string architectBody)
    {
        File.WriteAllText(Path.Combine(_folder, "architect.system.md"), $"---\nprompt: architect.system\nversion: 7\n---\n{architectBody}\n");
        File.WriteAllText(Path.Combine(_folder, "architect.repair.md"), "---\nversion: 1\n---\nFix {{errors}}.\n");
        File.WriteAllText(Path.Combine(_folder, "architect.round.md"), "---\nversion: 1\n---\nRound {{round}}: {{found}}.\n");
        File.WriteAllText(Path.Combine(_folder, "chat.system.md"), "---\nversion: 1\n---\nChat.\n");
    }
}
