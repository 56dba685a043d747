using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// What the checker does with one statement: run it inside the rolled-back transaction (after
/// dropping <c>CONCURRENTLY</c>, which a transaction block refuses), skip it (transaction control,
/// which would end the checker's own transaction), or check it by pattern because PostgreSQL
/// refuses to run it inside a transaction at all.
/// </summary>
internal static partial class StatementKind
{
    public static bool IsTransactionControl(string statement) => TransactionControl().IsMatch(statement);

    public static bool CannotRunInTransaction(string statement) => NonTransactional().IsMatch(statement);

    /// <summary>COPY from or to the client needs a client-side data stream the checker does not have; it is not run.</summary>
    public static bool IsClientCopy(string statement) => ClientCopy().IsMatch(statement);

    /// <summary>COPY … PROGRAM would run a shell command on the scratch server as its OS user; never run it.</summary>
    public static bool IsProgramCopy(string statement) => ProgramCopy().IsMatch(statement);

    /// <summary>A query or DML statement with <c>$n</c> placeholders, as application code sends it (a query rewrite).</summary>
    public static bool IsParameterised(string statement) =>
        ParameterisableStatement().IsMatch(statement) && Explain.ExplainRunner.PlaceholderCount(statement) > 0;

    /// <summary>The statement with <c>CONCURRENTLY</c> removed where only that keyword keeps it out of a transaction.</summary>
    public static string WithoutConcurrently(string statement)
    {
        var result = ConcurrentIndex().Replace(statement, "$1", 1);
        return ConcurrentDetach().Replace(result, "$1", 1);
    }

    // BEGIN/COMMIT/ROLLBACK in a block would end the checker's transaction and let the rest commit.
    // SAVEPOINT, RELEASE and ROLLBACK TO stay: they work inside it.
    [GeneratedRegex(@"^(BEGIN|START\s+TRANSACTION|COMMIT|END|ABORT|ROLLBACK(?!\s+(WORK\s+|TRANSACTION\s+)?TO\b)|PREPARE\s+TRANSACTION)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionControl();

    [GeneratedRegex(@"^(\(\s*)*(SELECT|WITH|VALUES|TABLE|INSERT|UPDATE|DELETE|MERGE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParameterisableStatement();

    [GeneratedRegex(@"^COPY\b.*\b(FROM\s+STDIN|TO\s+STDOUT)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ClientCopy();

    [GeneratedRegex(@"^COPY\b.*\bPROGRAM\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ProgramCopy();

    // Replication slots are cluster objects pg_dump does not copy, so their functions are checked by
    // pattern like the statements that cannot run in a transaction.
    [GeneratedRegex(@"^(VACUUM|ALTER\s+SYSTEM|CREATE\s+DATABASE|DROP\s+DATABASE|REINDEX(\s*\([^()]*\))?\s+(SCHEMA|DATABASE|SYSTEM)|SELECT\s+pg_(drop|create_physical|create_logical)_replication_slot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonTransactional();

    [GeneratedRegex(@"^((CREATE\s+(UNIQUE\s+)?INDEX|DROP\s+INDEX|REINDEX(\s*\([^()]*\))?\s+(INDEX|TABLE))\s+)CONCURRENTLY\b\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConcurrentIndex();

    [GeneratedRegex(@"^(ALTER\s+TABLE\b.*\bDETACH\s+PARTITION\b.*?)\s+CONCURRENTLY\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ConcurrentDetach();
}
