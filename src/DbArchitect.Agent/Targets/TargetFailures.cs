using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Agent.Targets;

/// <summary>How a host tells the engine's failures apart without knowing the engine or its driver.</summary>
public static class TargetFailures
{
    /// <summary>
    /// A failure of one request that leaves the session usable: refused by the tool (usage, the
    /// execution guard) or by the server, or the database could not serve it. A chat turn ends
    /// with its one line and the session goes on.
    /// </summary>
    public static bool EndsOnlyTheRequest(Exception exception) =>
        exception is DbArchitectException or ExplainRefusedException || DatabaseErrors.Describe(exception) is not null;

    /// <summary>The one line for a database failure that escaped every stage; null when it is not the database's.</summary>
    public static string? Describe(Exception exception) => DatabaseErrors.Describe(exception);
}
