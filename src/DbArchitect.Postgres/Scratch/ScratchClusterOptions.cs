namespace DbArchitect.Postgres.Scratch;

/// <summary>How to start a scratch PostgreSQL cluster.</summary>
public sealed class ScratchClusterOptions
{
    /// <summary>
    /// Directory with initdb, pg_ctl and postgres. Default: <c>DBARCH_PG_BIN</c> if set, else
    /// <c>/usr/lib/postgresql/15/bin</c>, else the newest <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public string? BinDirectory { get; set; }

    /// <summary>
    /// OS user that runs the server when this process runs as root (PostgreSQL refuses root).
    /// Default <c>postgres</c>, else <c>nobody</c>.
    /// </summary>
    public string? ServerUser { get; set; }

    /// <summary>Extra postgresql.conf lines, e.g. <c>max_locks_per_transaction = 1024</c>.</summary>
    public IList<string> ExtraSettings { get; } = new List<string>();

    /// <summary>How long to wait for the server to accept connections. Default 60 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
