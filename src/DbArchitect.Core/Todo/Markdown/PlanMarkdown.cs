namespace DbArchitect.Core.Todo.Markdown;

/// <summary>Renders the Database Plan: DB-PLAN entries under their area headings.</summary>
internal static class PlanMarkdown
{
    public static void Render(MarkdownBuilder markdown, TodoDocument document)
    {
        markdown.Heading(2, TodoLabels.Plan);
        if (document.Plan.Count == 0)
        {
            markdown.Line(TodoLabels.NoneRecorded).Line();
        }

        foreach (var area in TodoAreas.InOrder)
        {
            var entries = document.Plan.Where(entry => entry.Area == area).ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            markdown.Heading(3, TodoAreas.Heading(area));
            foreach (var entry in entries)
            {
                RenderEntry(markdown, entry);
            }

            markdown.Line();
        }
    }

    private static void RenderEntry(MarkdownBuilder markdown, PlanEntry entry)
    {
        markdown.Task(0, entry.Done, entry.Id, entry.Title)
            .ListField(2, TodoLabels.TablesAffected, entry.TablesAffected)
            .Field(2, TodoLabels.MigrationStrategy, entry.MigrationStrategy)
            .Field(2, TodoLabels.RollbackPlan, entry.RollbackPlan)
            .Field(2, TodoLabels.PerformanceImpact, entry.PerformanceImpact)
            .Field(2, TodoLabels.ItemIds, string.Join(", ", entry.ItemIds))
            .Field(2, TodoLabels.Key, entry.Key);
    }
}
