namespace DbArchitect.Postgres.Sessions;

/// <summary>
/// A comment put in front of statements the tool itself sends that touch user tables, so that
/// pg_stat_statements can tell them apart from the application's workload.
/// </summary>
public static class ToolMarker
{
    public const string Comment = "/* dbarch */";
}
