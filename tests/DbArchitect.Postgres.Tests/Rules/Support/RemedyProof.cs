using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Rules.Support;

/// <summary>
/// Proves a remedy is valid PostgreSQL against the fixture's own schema and data: Up, then Down,
/// inside one transaction that is always rolled back. CONCURRENTLY is removed for the check
/// because it cannot run inside a transaction block and changes no syntax otherwise; ALTER SYSTEM
/// and VACUUM cannot run in a transaction either, so those statements are checked by their shape.
/// </summary>
internal static partial class RemedyProof
{
    public static async Task AssertUpAndDownRunAsync(DatabaseFixture database, Finding finding)
    {
        var remedy = finding.Remedy ?? throw new Xunit.Sdk.XunitException($"{finding.Key} has no remedy");
        Assert.False(string.IsNullOrWhiteSpace(remedy.Up), $"{finding.Key}: empty Up");
        Assert.False(string.IsNullOrWhiteSpace(remedy.Down), $"{finding.Key}: empty Down");
        Assert.False(string.IsNullOrWhiteSpace(remedy.Testing), $"{finding.Key}: no testing text");

        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await RunAsync(connection, transaction, finding.Key, "up", remedy.Up);
            await RunAsync(connection, transaction, finding.Key, "down", remedy.Down);
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    /// <summary>
    /// Runs Up and then Down for real, one statement per line each in its own implicit transaction,
    /// CONCURRENTLY included: the way a script that cannot run in a transaction block is applied.
    /// The fixture keeps what Up made only if Down fails, so callers assert what Down left behind.
    /// </summary>
    public static async Task AssertUpThenDownRunOneByOneAsync(DatabaseFixture database, Finding finding, Func<Task>? afterUp = null)
    {
        var remedy = finding.Remedy ?? throw new Xunit.Sdk.XunitException($"{finding.Key} has no remedy");
        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var (direction, sql) in new[] { ("up", remedy.Up), ("down", remedy.Down) })
        {
            foreach (var statement in sql.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)))
            {
                await using var command = new NpgsqlCommand(statement, connection);
                try
                {
                    await command.ExecuteNonQueryAsync();
                }
                catch (PostgresException e)
                {
                    throw new Xunit.Sdk.XunitException($"{finding.Key} {direction} failed: {e.MessageText}\n{statement}");
                }
            }

            if (direction == "up" && afterUp is not null)
            {
                await afterUp();
            }
        }
    }

    public static async Task AssertAllRunAsync(DatabaseFixture database, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings.Where(f => f.Remedy is not null))
        {
            await AssertUpAndDownRunAsync(database, finding);
        }
    }

    private static async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, string direction, string sql)
    {
        var executable = Transactional(sql);
        if (executable.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(executable, connection, transaction);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e)
        {
            throw new Xunit.Sdk.XunitException($"{key} {direction} failed: {e.MessageText}\n{sql}");
        }
    }

    /// <summary>The statements that may run inside the proof's transaction; empty when none are left.</summary>
    private static string Transactional(string sql)
    {
        var kept = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            var statement = line.Trim();
            if (statement.Length == 0 || statement.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            if (statement.StartsWith("ALTER SYSTEM", StringComparison.Ordinal))
            {
                Assert.Matches(AlterSystem(), statement);
            }
            else if (statement.StartsWith("VACUUM", StringComparison.Ordinal))
            {
                Assert.Matches(Vacuum(), statement);
            }
            else
            {
                kept.Add(Concurrently().Replace(line, ""));
            }
        }

        return string.Join("\n", kept);
    }

    [GeneratedRegex(@"\bCONCURRENTLY\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Concurrently();

    [GeneratedRegex("""^ALTER SYSTEM (SET [a-z_.]+ = '[^']*'(, '[^']*')*|RESET [a-z_.]+);$""")]
    private static partial Regex AlterSystem();

    [GeneratedRegex("""^VACUUM \((ANALYZE|FREEZE, ANALYZE)\) [^;\s]+;$""")]
    private static partial Regex Vacuum();
}
