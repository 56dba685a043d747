using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Rules.Support;

/// <summary>
/// A per-class database loaded with one fixture script, after which statistics are made current
/// (ANALYZE for pg_stats, a forced flush for the pg_stat_user_tables counters) so that rules
/// reading them see the data the script wrote.
/// </summary>
public abstract class RuleDatabase : DatabaseFixture
{
    protected abstract string Script { get; }

    protected override async Task OnCreatedAsync()
    {
        // The flush happens when this session goes idle, before ExecuteAsync returns.
        await ExecuteAsync(Script + "\n;SELECT pg_stat_force_next_flush();");
        await ExecuteAsync("ANALYZE;");
    }
}
