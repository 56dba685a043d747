namespace DbArchitect.Postgres.Workload;

/// <summary>
/// What pg_stat_statements gave this run: its top statements, or why it gave none. An extension
/// that is created but not preloaded refuses to be read, which is not an empty workload.
/// </summary>
public sealed record StatementStatistics(IReadOnlyList<WorkloadStatement> Statements, StatementStatisticsState State)
{
    public bool Available => State == StatementStatisticsState.Read;

    public static StatementStatistics Unavailable(StatementStatisticsState state) => new([], state);

    /// <summary>The source's account for the Context.</summary>
    public string Describe(bool ownStatementsOnly) => State switch
    {
        StatementStatisticsState.Read when Statements.Count == 0 => "pg_stat_statements: read, empty (no application statement recorded yet)",
        StatementStatisticsState.Read => $"pg_stat_statements: read, top {Statements.Count} statements{(ownStatementsOnly ? " (this role's own only)" : "")}",
        StatementStatisticsState.NotInstalled => "pg_stat_statements: not installed in this database, so no statement workload",
        _ => "pg_stat_statements: refused (created but not loaded through shared_preload_libraries), so no statement workload",
    };
}

public enum StatementStatisticsState
{
    Read,
    NotInstalled,
    NotLoaded,
}
