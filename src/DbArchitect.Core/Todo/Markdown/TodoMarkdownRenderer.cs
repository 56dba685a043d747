namespace DbArchitect.Core.Todo.Markdown;

/// <summary>
/// Renders a <see cref="TodoDocument"/> as <c>TODO_database-architect.md</c> in the role
/// definition's layout. The output depends only on the model (same model, same bytes) and uses LF
/// line endings. Plan entries and items are grouped by area in <see cref="TodoAreas.InOrder"/>,
/// keeping the model's order within an area; <see cref="TodoMarkdownParser"/> reads it back.
/// </summary>
public static class TodoMarkdownRenderer
{
    public static string Render(TodoDocument document)
    {
        var markdown = new MarkdownBuilder().Heading(1, TodoLabels.Title);
        ContextMarkdown.Render(markdown, document.Context);
        PlanMarkdown.Render(markdown, document);
        ItemMarkdown.Render(markdown, document);
        RenderCodeChanges(markdown, document.CodeChanges);
        RenderCommands(markdown, document.Commands);
        RenderQualityChecklist(markdown, document.QualityChecklist);
        return markdown.ToString();
    }

    private static void RenderCodeChanges(MarkdownBuilder markdown, IReadOnlyList<CodeChange> changes)
    {
        markdown.Heading(2, TodoLabels.CodeChanges);
        if (changes.Count == 0)
        {
            markdown.Line(TodoLabels.NoneRecorded).Line();
        }

        foreach (var change in changes)
        {
            markdown.Heading(3, change.Title)
                .Line($"**{TodoLabels.Path}:** {MarkdownText.EscapeSingleLine(change.Path)}").Line()
                .CodeBlock(0, "diff", change.Diff).Line();
        }
    }

    private static void RenderCommands(MarkdownBuilder markdown, IReadOnlyList<CommandLine> commands)
    {
        markdown.Heading(2, TodoLabels.Commands);
        if (commands.Count == 0)
        {
            markdown.Line(TodoLabels.NoneRecorded).Line();
        }

        foreach (var command in commands)
        {
            markdown.Heading(3, command.Purpose).CodeBlock(0, "bash", command.Command).Line();
        }
    }

    private static void RenderQualityChecklist(MarkdownBuilder markdown, IReadOnlyList<QaCheck> checks)
    {
        markdown.Heading(2, TodoLabels.Quality);
        foreach (var check in checks)
        {
            var evidence = string.IsNullOrWhiteSpace(check.Evidence)
                ? ""
                : $"{TodoLabels.EvidenceSeparator}_{MarkdownText.EscapeSingleLine(check.Evidence)}_";
            markdown.TaskWithMarkdownTitle(0, check.Done, check.Id, MarkdownText.EscapeSingleLine(check.Text) + evidence);
        }
    }
}
