using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Rules;

/// <summary>
/// Proves a remedy is valid PostgreSQL on the real server: Up then Down run inside one transaction
/// that is rolled back. CONCURRENTLY is stripped (it cannot run in a transaction and changes no
/// syntax otherwise); ALTER SYSTEM and VACUUM cannot run in a transaction either, so those
/// statements are checked by their shape instead.
/// </summary>
internal static partial class RemedyProbe
{
    public static async Task AssertValidAsync(string connectionString, Remedy? remedy)
    {
        Assert.NotNull(remedy);
        Assert.False(string.IsNullOrWhiteSpace(remedy.Up));
        Assert.False(string.IsNullOrWhiteSpace(remedy.Down));
        Assert.False(string.IsNullOrWhiteSpace(remedy.Testing));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var part in new[] { remedy.Up, remedy.Down })
        {
            var executable = Transactional(part);
            if (executable.Length > 0)
            {
                await using var command = new NpgsqlCommand(executable, connection, transaction);
                await command.ExecuteNonQueryAsync();
            }
        }

        await transaction.RollbackAsync();
    }

    private static string Transactional(string sql)
    {
        var kept = new List<string>();
        foreach (var line in sql.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)))
        {
            if (line.StartsWith("ALTER SYSTEM", StringComparison.Ordinal))
            {
                Assert.Matches(AlterSystem(), line);
            }
            else if (line.StartsWith("VACUUM", StringComparison.Ordinal))
            {
                Assert.Matches(Vacuum(), line);
            }
            else
            {
                kept.Add(line.Replace(" CONCURRENTLY", "", StringComparison.Ordinal));
            }
        }

        return string.Join("\n", kept);
    }

    [GeneratedRegex("""^ALTER SYSTEM (SET [a-z_.]+ = '[^']*'(, '[^']*')*|RESET [a-z_.]+);$""")]
    private static partial Regex AlterSystem();

    [GeneratedRegex("""^VACUUM \((ANALYZE|FREEZE, ANALYZE)\) [^;\s]+;$""")]
    private static partial Regex Vacuum();
}
