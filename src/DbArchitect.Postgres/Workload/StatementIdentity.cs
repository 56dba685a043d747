using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// Which workload statements are the same statement: libpg_query's fingerprint, equal for texts
/// that differ only in constants, layout, case of keywords and comments, so that a query from a
/// workload file, a server log and pg_stat_statements counts once. Text the PostgreSQL 15 parser
/// does not read falls back to the constant-free text.
/// </summary>
public static class StatementIdentity
{
    public static string Of(string statement)
    {
        try
        {
            return "fp:" + PgQuery.Fingerprint(statement);
        }
        catch (SqlParseException)
        {
            return "text:" + SqlText.Normalize(statement);
        }
    }
}
