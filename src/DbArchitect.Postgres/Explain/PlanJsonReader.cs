using System.Text.Json;

namespace DbArchitect.Postgres.Explain;

/// <summary>Reads the server's EXPLAIN (FORMAT JSON) output into the typed plan model.</summary>
public static class PlanJsonReader
{
    public static ExplainResult Read(string statement, string json, bool analyzed)
    {
        using var document = JsonDocument.Parse(json);
        var top = document.RootElement[0];
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (top.TryGetProperty("Settings", out var settingsElement) && settingsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in settingsElement.EnumerateObject())
            {
                settings[property.Name] = property.Value.ToString();
            }
        }

        return new ExplainResult
        {
            Statement = statement,
            Plan = ReadNode(top.GetProperty("Plan")),
            Analyzed = analyzed,
            PlanningTimeMs = Number(top, "Planning Time"),
            ExecutionTimeMs = Number(top, "Execution Time"),
            Settings = settings,
            RawJson = json,
        };
    }

    private static PlanNode ReadNode(JsonElement node) => new()
    {
        NodeType = Text(node, "Node Type") ?? "Unknown",
        ParentRelationship = Text(node, "Parent Relationship"),
        RelationName = Text(node, "Relation Name"),
        Schema = Text(node, "Schema"),
        Alias = Text(node, "Alias"),
        IndexName = Text(node, "Index Name"),
        JoinType = Text(node, "Join Type"),
        Strategy = Text(node, "Strategy"),
        StartupCost = Number(node, "Startup Cost") ?? 0,
        TotalCost = Number(node, "Total Cost") ?? 0,
        PlanRows = Number(node, "Plan Rows") ?? 0,
        PlanWidth = (int)(Number(node, "Plan Width") ?? 0),
        ActualStartupTime = Number(node, "Actual Startup Time"),
        ActualTotalTime = Number(node, "Actual Total Time"),
        ActualRows = Number(node, "Actual Rows"),
        ActualLoops = Number(node, "Actual Loops"),
        SharedHitBlocks = Whole(node, "Shared Hit Blocks"),
        SharedReadBlocks = Whole(node, "Shared Read Blocks"),
        TempReadBlocks = Whole(node, "Temp Read Blocks"),
        TempWrittenBlocks = Whole(node, "Temp Written Blocks"),
        SortMethod = Text(node, "Sort Method"),
        SortSpaceUsedKb = Whole(node, "Sort Space Used"),
        SortSpaceType = Text(node, "Sort Space Type"),
        SortKey = Texts(node, "Sort Key"),
        GroupKey = Texts(node, "Group Key"),
        HashBatches = Whole(node, "Hash Batches"),
        OriginalHashBatches = Whole(node, "Original Hash Batches"),
        PeakMemoryUsageKb = Whole(node, "Peak Memory Usage"),
        Filter = Text(node, "Filter"),
        RowsRemovedByFilter = Number(node, "Rows Removed by Filter"),
        IndexCondition = Text(node, "Index Cond"),
        RecheckCondition = Text(node, "Recheck Cond"),
        RowsRemovedByIndexRecheck = Number(node, "Rows Removed by Index Recheck"),
        HashCondition = Text(node, "Hash Cond"),
        MergeCondition = Text(node, "Merge Cond"),
        JoinFilter = Text(node, "Join Filter"),
        RowsRemovedByJoinFilter = Number(node, "Rows Removed by Join Filter"),
        HeapFetches = Number(node, "Heap Fetches"),
        Output = Texts(node, "Output"),
        WorkersPlanned = (int?)Whole(node, "Workers Planned"),
        WorkersLaunched = (int?)Whole(node, "Workers Launched"),
        Children = node.TryGetProperty("Plans", out var plans) ? plans.EnumerateArray().Select(ReadNode).ToList() : [],
    };

    private static string? Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static long? Whole(JsonElement node, string name) => Number(node, name) is { } number ? (long)number : null;

    private static List<string> Texts(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.ToString()).ToList()
            : [];
}
