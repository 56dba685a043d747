namespace DbArchitect.Core.Findings;

/// <summary>
/// How areas appear in the TODO. The x of DB-PLAN-x.y and DB-ITEM-x.y is the area's number
/// (declaration order, from 1), so an ID alone says which heading a task sits under.
/// </summary>
public static class FindingAreaExtensions
{
    public static int Number(this FindingArea area) => (int)area + 1;

    public static string Heading(this FindingArea area) => area switch
    {
        FindingArea.SchemaDesign => "Schema Design",
        FindingArea.QueryOptimization => "Query Optimization",
        FindingArea.Indexing => "Indexing Strategy",
        FindingArea.Migrations => "Migration Planning",
        FindingArea.PerformanceTuning => "Performance Tuning",
        FindingArea.DataIntegrity => "Data Integrity",
        _ => area.ToString(),
    };
}
