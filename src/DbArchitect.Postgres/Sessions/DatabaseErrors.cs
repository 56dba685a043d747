using System.Net.Sockets;
using DbArchitect.Core.Failures;
using Npgsql;

namespace DbArchitect.Postgres.Sessions;

/// <summary>Turns driver exceptions into the one-line <see cref="DbArchitectException"/> users see.</summary>
public static class DatabaseErrors
{
    /// <summary>Translates exceptions that mean "cannot reach or read the database"; returns null for anything else.</summary>
    public static DbArchitectException? Translate(Exception exception, string target) => exception switch
    {
        DbArchitectException known => known,
        PostgresException { SqlState: "28P01" or "28000" } => Fail($"authentication failed for {target}"),
        PostgresException { SqlState: "3D000" } pg => Fail($"cannot connect to {target}: {pg.MessageText}"),
        PostgresException { SqlState: "42501" } pg => Fail($"permission denied on {target}: {pg.MessageText}"),
        PostgresException { SqlState: "57014" } => Fail($"a query on {target} hit statement_timeout"),
        PostgresException { SqlState: "55P03" } => Fail($"a query on {target} hit lock_timeout"),
        PostgresException pg => Fail($"{target}: {pg.SqlState} {pg.MessageText}"),
        NpgsqlException { InnerException: SocketException socket } => Fail($"cannot reach {target}: {socket.Message}"),
        NpgsqlException { InnerException: TimeoutException } => Fail($"cannot reach {target}: connection timed out"),
        NpgsqlException npgsql => Fail($"cannot reach {target}: {npgsql.Message.Split('\n')[0]}"),
        TimeoutException => Fail($"cannot reach {target}: timed out"),
        SocketException socket => Fail($"cannot reach {target}: {socket.Message}"),
        _ => null,
    };

    /// <summary>
    /// Whether the server refused one statement (a syntax error, a missing object, a type it cannot
    /// plan) rather than the session failing: the caller reports that statement and goes on.
    /// </summary>
    public static bool IsStatementRefusal(Exception exception) => exception is PostgresException { IsTransient: false };

    /// <summary>What the server said, without the SQLSTATE; the exception's message for anything else.</summary>
    public static string ServerMessage(Exception exception) => exception is PostgresException pg ? pg.MessageText : exception.Message;

    /// <summary>The one line a host prints for a driver failure that escaped every stage; null when it is not the driver's.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        PostgresException pg => $"the database refused a request: {pg.SqlState} {pg.MessageText}",
        NpgsqlException or SocketException or TimeoutException => $"lost the database: {OneLine.Of(exception.Message)}",
        _ => null,
    };

    private static DbArchitectException Fail(string message) => new(FailureKind.Unreachable, message);
}
