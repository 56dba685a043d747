namespace DbArchitect.Postgres.Advisor;

/// <summary>Budgets and thresholds for one advisor run.</summary>
public sealed record AdvisorOptions
{
    /// <summary>At most this many new indexes; null for no limit.</summary>
    public int? MaxIndexes { get; init; }

    /// <summary>New indexes may take at most this many bytes together; null for no limit.</summary>
    public long? StorageBudgetBytes { get; init; }

    /// <summary>An index must cut at least this fraction of some statement's cost to be worth its upkeep.</summary>
    public double MinimumImprovement { get; init; } = 0.10;

    /// <summary>How long CP-SAT may search before the greedy answer is used instead.</summary>
    public TimeSpan SolverTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>False skips CP-SAT and selects greedily (the benchmark compares both).</summary>
    public bool UseSolver { get; init; } = true;

    /// <summary>
    /// A literal earns a partial index only on a category-like column with at most this many
    /// distinct values (pg_stats n_distinct, a negative fraction scaled by the rows); elsewhere it is
    /// one value of a parameter and the composite index serves every value. Default 20.
    /// </summary>
    public double CategoryMaximumDistinct { get; init; } = 20;
}
