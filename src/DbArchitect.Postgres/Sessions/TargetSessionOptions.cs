namespace DbArchitect.Postgres.Sessions;

/// <summary>Limits every session on a target database runs under (SPEC §3).</summary>
public sealed class TargetSessionOptions
{
    /// <summary>statement_timeout. Default 30 s.</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>lock_timeout. Default 2 s: a read-only tool must never queue behind DDL for long.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>idle_in_transaction_session_timeout. Default 60 s.</summary>
    public TimeSpan IdleInTransactionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Connect timeout. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>application_name, so DBAs can see the tool in pg_stat_activity. Default "dbarch".</summary>
    public string ApplicationName { get; set; } = "dbarch";
}
