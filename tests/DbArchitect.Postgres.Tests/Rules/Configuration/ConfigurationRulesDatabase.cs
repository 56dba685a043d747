using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Configuration;

/// <summary>
/// Tables for the per-table configuration cases in schema <c>cf</c>; server-wide cases read the
/// test server's own settings (a scratch cluster at PostgreSQL defaults plus pg_stat_statements).
/// </summary>
public sealed class ConfigurationRulesDatabase : RuleDatabase
{
    protected override IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE SCHEMA cf;
        CREATE TABLE cf.frozen_out (id int) WITH (autovacuum_enabled = false, fillfactor = 90);
        CREATE TABLE cf.tuned (id int) WITH (autovacuum_vacuum_scale_factor = 0.05);
        """,
    ];
}
