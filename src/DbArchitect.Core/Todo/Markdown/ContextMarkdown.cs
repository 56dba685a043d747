using System.Globalization;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>Renders the Context section: engine, overview with the ER diagram, data dictionary, pain points, volumes, workload.</summary>
internal static class ContextMarkdown
{
    public static void Render(MarkdownBuilder markdown, TodoContext context)
    {
        markdown.Heading(2, TodoLabels.Context)
            .Field(0, TodoLabels.Engine, context.Engine)
            .Field(0, TodoLabels.Version, context.EngineVersion)
            .Field(0, TodoLabels.Source, context.Source)
            .Field(0, TodoLabels.Generator, context.Generator)
            .Line();

        markdown.Heading(3, TodoLabels.SchemaOverview);
        if (!string.IsNullOrWhiteSpace(context.SchemaOverview))
        {
            markdown.Line(MarkdownText.Escape(context.SchemaOverview, startsBlock: true)).Line();
        }

        if (!string.IsNullOrWhiteSpace(context.ErDiagram))
        {
            markdown.CodeBlock(0, "mermaid", context.ErDiagram).Line();
        }

        markdown.Heading(3, TodoLabels.DataDictionary);
        foreach (var entry in context.DataDictionary)
        {
            markdown.Line($"- **{MarkdownText.EscapeSingleLine(entry.Table)}**")
                .Field(2, TodoLabels.EstimatedRows, entry.EstimatedRows.ToString(CultureInfo.InvariantCulture))
                .Field(2, TodoLabels.Size, entry.Size)
                .ListField(2, TodoLabels.Columns, entry.Columns);
            if (!string.IsNullOrWhiteSpace(entry.Comment))
            {
                markdown.Field(2, TodoLabels.Comment, entry.Comment);
            }
        }

        EndList(markdown, context.DataDictionary.Count);
        RenderList(markdown, TodoLabels.PainPoints, context.PainPoints);
        RenderList(markdown, TodoLabels.Volumes, context.Volumes);
        RenderList(markdown, TodoLabels.Workload, context.Workload);
    }

    private static void RenderList(MarkdownBuilder markdown, string heading, IReadOnlyList<string> lines)
    {
        markdown.Heading(3, heading);
        foreach (var line in lines)
        {
            markdown.Bullet(0, line);
        }

        EndList(markdown, lines.Count);
    }

    private static void EndList(MarkdownBuilder markdown, int count)
    {
        if (count == 0)
        {
            markdown.Line(TodoLabels.NoneRecorded);
        }

        markdown.Line();
    }
}
