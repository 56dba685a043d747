using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>Subject of server- and database-wide findings: the database name as PostgreSQL prints it.</summary>
internal static class DatabaseSubject
{
    public static string Of(AnalysisFacts facts) => SqlIdentifier.Quote(facts.Snapshot.Server.Database);
}
