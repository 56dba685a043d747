using System.Globalization;
using Dapper;
using DbArchitect.Postgres.Catalog;
using Npgsql;

namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>Every user table's rows as a count and an order-insensitive digest, so that a down that loses a column's values or rows is caught.</summary>
public static class TableData
{
    public sealed record Table(string Name, long Rows, string Digest);

    public static async Task<IReadOnlyDictionary<string, Table>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = await NamesAsync(connection, cancellationToken).ConfigureAwait(false);
        if (tables.Count == 0)
        {
            return new Dictionary<string, Table>(StringComparer.Ordinal);
        }

        // Each row's text digested, the digests sorted: the same rows in any order give the same digest. One round trip for every table.
        var query = string.Join("\nUNION ALL ", tables.Select(name =>
            $"SELECT {SqlIdentifier.Literal(name)}, count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) FROM ONLY {name} t"));
        return (await connection.QueryAsync<(string Name, long Rows, string Digest)>(new CommandDefinition(query, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(t => t.Name, t => new Table(t.Name, t.Rows, t.Digest), StringComparer.Ordinal);
    }

    /// <summary>Removes every user table's rows, for a migration that can only run on empty tables.</summary>
    public static async Task EmptyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = await NamesAsync(connection, cancellationToken).ConfigureAwait(false);
        if (tables.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition($"TRUNCATE {string.Join(", ", tables)} CASCADE", cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>The user tables, schema-qualified and quoted.</summary>
    private static async Task<List<string>> NamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return [.. (await connection.QueryAsync<(string Schema, string Name)>(new CommandDefinition(
            $"SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND {UserRelations.InUserSchema} ORDER BY 1, 2",
            cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(t => SqlIdentifier.Qualify(t.Schema, t.Name))];
    }

    /// <summary>Tables of <paramref name="before"/> whose rows are not the same in <paramref name="after"/>, with what changed.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, Table> before, IReadOnlyDictionary<string, Table> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var differences = new List<string>();
        foreach (var table in before.Values.Where(t => t.Rows > 0 || after.ContainsKey(t.Name)))
        {
            if (!after.TryGetValue(table.Name, out var now))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Name}: gone with its {table.Rows:N0} rows"));
            }
            else if (now.Digest != table.Digest)
            {
                differences.Add(now.Rows == table.Rows
                    ? string.Create(CultureInfo.InvariantCulture, $"{table.Name}: {table.Rows:N0} rows, their values differ (a column's values lost or changed)")
                    : string.Create(CultureInfo.InvariantCulture, $"{table.Name}: {table.Rows:N0} rows before, {now.Rows:N0} after"));
            }
        }

        return differences;
    }
}
