using System.Globalization;
using DbArchitect.Core.Failures;
using Npgsql;

namespace DbArchitect.Postgres.Sessions;

/// <summary>
/// Builds the one <see cref="NpgsqlDataSource"/> used for a target database. Every physical
/// connection starts read-only with statement, lock and idle timeouts set as startup options, so
/// nothing the tool runs there can write or hold locks for long, whatever code path it takes.
/// </summary>
public static class TargetDataSource
{
    public static NpgsqlDataSource Create(string connectionString, TargetSessionOptions? options = null)
    {
        options ??= new TargetSessionOptions();
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DbArchitectException(FailureKind.Usage, $"invalid connection string: {e.Message.Split('\n')[0]}");
        }

        // Ours come last so that they win over anything the user's Options contain.
        var limits = string.Join(' ',
            "-c default_transaction_read_only=on",
            $"-c statement_timeout={Milliseconds(options.StatementTimeout)}",
            $"-c lock_timeout={Milliseconds(options.LockTimeout)}",
            $"-c idle_in_transaction_session_timeout={Milliseconds(options.IdleInTransactionTimeout)}");
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? limits : $"{builder.Options} {limits}";
        builder.ApplicationName = options.ApplicationName;
        builder.Timeout = Math.Max(1, (int)options.ConnectTimeout.TotalSeconds);
        builder.CommandTimeout = Math.Max(1, (int)options.StatementTimeout.TotalSeconds + 5);
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    /// <summary>"database on host:port" for reports: never the user name or password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"database {builder.Database ?? builder.Username ?? "(default)"} on {builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
