using System.Text.RegularExpressions;
using DbArchitect.Postgres.Validation;
using Npgsql;

namespace DbArchitect.Evals.RealSchemas;

/// <summary>
/// Loads a schema file as psql would with ON_ERROR_STOP off: one statement at a time in one
/// session, psql's backslash commands left out, and transaction control dropped so that one
/// refused statement cannot abort the statements after it.
/// </summary>
internal static partial class RealSchemaLoader
{
    public static async Task<RealSchemaLoad> LoadAsync(string connectionString, string path, CancellationToken cancellationToken)
    {
        var sql = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var session = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(session.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        var statements = SqlScript.Split(sql, skipPsqlMetaCommands: true).Where(s => !TransactionControl().IsMatch(s)).ToList();
        var (loaded, missingRole, missingExtension) = (0, 0, 0);
        var extensionMissing = false;
        var failures = new List<string>();
        foreach (var statement in statements)
        {
            try
            {
                await using var batch = new NpgsqlBatch(connection) { Timeout = 300 };
                batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                loaded++;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedObject && e.MessageText.StartsWith("role ", StringComparison.Ordinal))
            {
                missingRole++;
            }
            catch (PostgresException) when (Extension().IsMatch(statement))
            {
                extensionMissing = true;
                missingExtension++;
            }
            catch (PostgresException e) when (extensionMissing && DependsOnAbsentObject(e))
            {
                missingExtension++;
            }
            catch (PostgresException e)
            {
                failures.Add($"{e.SqlState} {e.MessageText} (in: {SqlScript.Excerpt(statement, 80)})");
            }
        }

        return new RealSchemaLoad
        {
            Statements = statements.Count,
            Loaded = loaded,
            SkippedForMissingRole = missingRole,
            SkippedForMissingExtension = missingExtension,
            Failures = failures,
        };
    }

    // An object built on an absent extension's type or function fails, and so does everything on that object.
    private static bool DependsOnAbsentObject(PostgresException e) => e.SqlState is PostgresErrorCodes.UndefinedObject
        or PostgresErrorCodes.UndefinedFunction or PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn;

    [GeneratedRegex(@"^\s*(BEGIN|COMMIT|END|ROLLBACK|START\s+TRANSACTION)\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionControl();

    [GeneratedRegex(@"^\s*(CREATE\s+EXTENSION|COMMENT\s+ON\s+EXTENSION)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Extension();
}
