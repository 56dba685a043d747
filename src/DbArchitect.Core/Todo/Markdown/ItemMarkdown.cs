using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>
/// Renders the Database Items: each DB-ITEM under the heading of the area of the plan entry that
/// lists it (items no entry lists come last, under their own heading, so nothing is dropped).
/// </summary>
internal static class ItemMarkdown
{
    public static void Render(MarkdownBuilder markdown, TodoDocument document)
    {
        markdown.Heading(2, TodoLabels.Items);
        if (document.Items.Count == 0)
        {
            markdown.Line(TodoLabels.NoneRecorded).Line();
        }

        var areaOfItem = AreaOfItem(document.Plan);
        var groups = document.Items
            .GroupBy(item => areaOfItem.TryGetValue(item.Id, out var area) ? (FindingArea?)area : null)
            .OrderBy(group => group.Key is null)
            .ThenBy(group => group.Key);
        foreach (var group in groups)
        {
            markdown.Heading(3, group.Key is { } area ? TodoAreas.Heading(area) : TodoLabels.Unplanned);
            foreach (var item in group)
            {
                RenderItem(markdown, item);
            }
        }
    }

    private static Dictionary<string, FindingArea> AreaOfItem(IReadOnlyList<PlanEntry> plan)
    {
        var areas = new Dictionary<string, FindingArea>(StringComparer.Ordinal);
        foreach (var entry in plan)
        {
            foreach (var itemId in entry.ItemIds)
            {
                areas.TryAdd(itemId, entry.Area);
            }
        }

        return areas;
    }

    private static void RenderItem(MarkdownBuilder markdown, TodoItem item)
    {
        markdown.Task(0, item.Done, item.Id, item.Title)
            .Field(2, TodoLabels.Type, MarkdownText.Words(item.Type))
            .Field(2, TodoLabels.Severity, MarkdownText.Words(item.Severity))
            .Field(2, TodoLabels.FindingKey, item.FindingKey);
        if (item.Evidence.Count > 0)
        {
            markdown.Line($"  - **{TodoLabels.Evidence}:**");
            foreach (var evidence in item.Evidence)
            {
                markdown.Field(4, evidence.Label, evidence.Value);
            }
        }

        markdown.ListField(2, TodoLabels.Creates, item.Creates)
            .ListField(2, TodoLabels.References, item.References)
            .ListField(2, TodoLabels.AlsoCovers, item.AlsoCovers)
            .CodeField(2, TodoLabels.Sql, "sql", item.Sql)
            .CodeField(2, TodoLabels.Rollback, "sql", item.Rollback)
            .Field(2, TodoLabels.Rationale, item.Rationale)
            .Field(2, TodoLabels.Testing, item.Testing);
        if (!string.IsNullOrWhiteSpace(item.Resolution))
        {
            markdown.Field(2, TodoLabels.Resolution, item.Resolution);
        }

        markdown.Line();
    }
}
