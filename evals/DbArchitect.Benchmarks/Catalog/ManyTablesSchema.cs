using System.Globalization;
using System.Text;
using Npgsql;

namespace DbArchitect.Benchmarks.Catalog;

/// <summary>
/// Builds the catalog benchmark's database: N tables of 12 columns, each with a primary key, a
/// foreign key to the table before it (the first to itself) and two secondary indexes. Built in
/// transactions of <see cref="TablesPerTransaction"/> tables because one transaction for all of
/// them runs out of lock slots.
/// </summary>
internal static class ManyTablesSchema
{
    private const int TablesPerTransaction = 250;

    public static async Task BuildAsync(string connectionString, int tables, IProgress<int> progress, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE SCHEMA bench", cancellationToken).ConfigureAwait(false);
        for (var first = 0; first < tables; first += TablesPerTransaction)
        {
            var sql = new StringBuilder("BEGIN;\n");
            for (var table = first; table < Math.Min(tables, first + TablesPerTransaction); table++)
            {
                sql.Append(CreateTable(table));
            }

            sql.Append("COMMIT;\n");
            await ExecuteAsync(connection, sql.ToString(), cancellationToken).ConfigureAwait(false);
            progress.Report(Math.Min(tables, first + TablesPerTransaction));
        }
    }

    private static string CreateTable(int number)
    {
        var name = Name(number);
        var parent = Name(Math.Max(0, number - 1));
        return $"""
            CREATE TABLE bench.{name} (
                id bigint PRIMARY KEY,
                parent_id bigint REFERENCES bench.{parent} (id),
                code text NOT NULL,
                title varchar(200),
                amount numeric(12, 2),
                quantity integer,
                ratio double precision,
                active boolean NOT NULL DEFAULT true,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz,
                notes text,
                payload jsonb);
            CREATE INDEX {name}_parent_id ON bench.{name} (parent_id);
            CREATE INDEX {name}_created_code ON bench.{name} (created_at, code);

            """;
    }

    private static string Name(int number) => "t" + number.ToString("D5", CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
