using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>How long the cumulative statistics (scans, inserts) have been counting.</summary>
internal static class StatisticsWindow
{
    /// <summary>Statistics start at the last reset, or at server start when never reset.</summary>
    public static DateTimeOffset Since(AnalysisFacts facts) => Since(facts.Snapshot.Server);

    /// <inheritdoc cref="Since(AnalysisFacts)"/>
    public static DateTimeOffset Since(ServerInfo server) => server.StatsReset ?? server.ServerStarted;

    public static double AgeDays(AnalysisFacts facts) => (facts.Now - Since(facts)).TotalDays;
}
