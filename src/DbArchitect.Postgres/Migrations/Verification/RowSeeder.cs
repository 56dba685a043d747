using System.Globalization;
using Dapper;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sessions;
using Npgsql;

namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>
/// Fills empty tables with generated rows, so that a migration's up and down act on data as they
/// will in production: a value per column from its type (keys unique, enums from their labels,
/// lengths within the limit), foreign keys from the referenced table's rows, columns with a default
/// or an identity left to it. A table whose constraints refuse the rows stays empty, with why.
/// </summary>
public static class RowSeeder
{
    private sealed record Column(string Name, string Type, string BaseType, bool NotNull, bool Defaulted, int MaxLength, bool IsEnum, string? ReferencedTable, string? ReferencedColumn);

    /// <param name="connection">The database's session.</param>
    /// <param name="rows">Rows per table.</param>
    /// <param name="attempted">Tables filled or tried before, by oid, left alone; the ones tried now are added.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Notes on the tables that could not be filled.</returns>
    public static async Task<IReadOnlyList<string>> FillEmptyAsync(NpgsqlConnection connection, int rows, ISet<uint> attempted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempted);
        ArgumentNullException.ThrowIfNull(connection);
        var notes = new List<string>();
        if (rows <= 0)
        {
            return notes;
        }

        // Referenced tables first, so foreign keys find rows to point at.
        var tables = (await connection.QueryAsync<(uint Oid, string Name)>(new CommandDefinition(
            $"""
            WITH RECURSIVE user_tables AS (
                SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND NOT c.relispartition AND {UserRelations.InUserSchema}),
            depth AS (
                SELECT oid, 0 AS level FROM user_tables
                UNION ALL
                SELECT f.conrelid, d.level + 1 FROM pg_constraint f JOIN depth d ON f.confrelid = d.oid
                WHERE f.contype = 'f' AND f.conrelid <> f.confrelid AND d.level < 20)
            SELECT t.oid, t.name FROM user_tables t JOIN depth d ON d.oid = t.oid GROUP BY t.oid, t.name ORDER BY max(d.level), t.name
            """, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        foreach (var (oid, name) in tables)
        {
            if (!attempted.Add(oid) || await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT EXISTS (SELECT FROM ONLY {name})", cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                continue;
            }

            var columns = (await connection.QueryAsync<Column>(new CommandDefinition(
                """
                SELECT a.attname AS Name, format_type(a.atttypid, a.atttypmod) AS Type, format_type(coalesce(nullif(t.typbasetype, 0), a.atttypid), NULL) AS BaseType,
                       a.attnotnull AS NotNull, (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS Defaulted,
                       CASE WHEN a.atttypid IN ('varchar'::regtype, 'bpchar'::regtype) AND a.atttypmod > 4 THEN a.atttypmod - 4 ELSE 0 END AS MaxLength,
                       t.typtype = 'e' AS IsEnum,
                       (SELECT quote_ident(rn.nspname) || '.' || quote_ident(r.relname) FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
                        WHERE f.conrelid = a.attrelid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum] LIMIT 1) AS ReferencedTable,
                       (SELECT quote_ident(ra.attname) FROM pg_constraint f JOIN pg_attribute ra ON ra.attrelid = f.confrelid AND ra.attnum = f.confkey[1]
                        WHERE f.conrelid = a.attrelid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum] LIMIT 1) AS ReferencedColumn
                FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                WHERE a.attrelid = @oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
                """, new { oid = (long)oid }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            var filled = columns.Where(c => !c.Defaulted || c.ReferencedTable is not null).ToList();
            var keys = filled.Where(c => c.ReferencedTable is not null && c.ReferencedColumn is not null).ToList();
            var values = filled.Select(c => (Column: c, Value: Value(c, keys.IndexOf(c)))).ToList();
            if (values.FirstOrDefault(v => v.Value is null && v.Column.NotNull).Column is { } unknown)
            {
                notes.Add($"{name} not filled: no value generated for {unknown.Name} ({unknown.Type})");
                continue;
            }

            // Each foreign key's referenced keys, read once into an array the rows take their values from in turn.
            var with = keys.Count == 0 ? "" : "WITH " + string.Join(", ", keys.Select((c, i) => $"k{i} AS (SELECT array_agg({c.ReferencedColumn}) AS a FROM {c.ReferencedTable})")) + " ";
            var insert = values.Count == 0
                ? $"INSERT INTO {name} SELECT FROM generate_series(1, {rows}) g"
                : $"{with}INSERT INTO {name} ({string.Join(", ", values.Select(v => SqlIdentifier.Quote(v.Column.Name)))}) SELECT {string.Join(", ", values.Select(v => v.Value ?? "NULL"))} FROM generate_series(1, {rows}) g";
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(insert, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition($"ANALYZE {name}", cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception e) when (DatabaseErrors.Describe(e) is { } message)
            {
                notes.Add($"{name} not filled: {message}");
            }
        }

        return notes;
    }

    /// <summary>The value of row g (1…N) for a column, cast to its type; null when no value can be made for the type.</summary>
    /// <param name="column">The column.</param>
    /// <param name="key">Its foreign key's place among the statement's key arrays, or -1.</param>
    private static string? Value(Column column, int key)
    {
        if (key >= 0)
        {
            return $"(SELECT a[1 + (g - 1) % greatest(cardinality(a), 1)] FROM k{key.ToString(CultureInfo.InvariantCulture)})::{column.Type}";
        }

        // Within a length limit the row number in hex stays distinct longest (4,095 rows in char(3)).
        var length = column.MaxLength.ToString(CultureInfo.InvariantCulture);
        var text = column.MaxLength > 0 ? $"right(lpad(to_hex(g), {length}, '0'), {length})" : "('v' || g)";
        var value = column.IsEnum
            ? $"(enum_range(NULL::{column.BaseType}))[1 + g % cardinality(enum_range(NULL::{column.BaseType}))]"
            : column.BaseType switch
            {
                "smallint" => "(g % 32000)",
                "integer" or "bigint" or "numeric" or "real" or "double precision" or "money" => "g",
                "text" or "character varying" or "character" or "citext" or "name" => text,
                "boolean" => "(g % 2 = 0)",
                "uuid" => "md5(g::text)::uuid",
                "date" => "(date '2020-01-01' + g % 3650)",
                "timestamp without time zone" or "timestamp with time zone" => "(timestamp '2020-01-01' + g * interval '1 minute')",
                "time without time zone" or "time with time zone" => "(time '00:00' + g * interval '1 second')",
                "interval" => "(g * interval '1 second')",
                "json" or "jsonb" => "json_build_object('n', g)",
                "bytea" => "decode(md5(g::text), 'hex')",
                "inet" or "cidr" => "('10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256)",
                _ when column.BaseType.EndsWith("[]", StringComparison.Ordinal) => "'{}'",
                _ => null,
            };
        return value is null ? null : $"({value})::{column.Type}";
    }
}
