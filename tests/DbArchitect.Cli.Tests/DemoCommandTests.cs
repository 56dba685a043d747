using DbArchitect.Core.Todo;
using DbArchitect.Core.Todo.Markdown;

namespace DbArchitect.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_analysis_writes_a_validated_todo_covering_every_rule_family()
    {
        using var output = new TempDirectory();

        var run = await CliRun.InvokeAsync("analyze", "--demo", "--out", output.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(output.TodoPath, run.Output, StringComparison.Ordinal);
        var document = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath));
        Assert.True(document.Items.Count >= 20, $"only {document.Items.Count} items");
        Assert.Contains(document.QualityChecklist, q => q.Id == "DB-QA-3" && q.Done);
        Assert.StartsWith("erDiagram", document.Context.ErDiagram, StringComparison.Ordinal);
    }
}
