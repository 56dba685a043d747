using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Catalog;

public sealed class WeirdIdentifierTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Schema = "Sales \"EU\"";
    private const string MixedCase = "OrderItems";
    private const string Quoted = "say \"cheese\"";
    private const string Unicode = "größe_ñ_表";
    private const string Reserved = "select";

    // 63 bytes, the longest name PostgreSQL keeps: 31 two-byte letters and one ASCII letter.
    private static readonly string LongestUnicode = new string('é', 31) + "x";
    private static readonly string LongestAscii = new('n', 63);

    private static readonly string[] TableNames = [MixedCase, Quoted, Unicode, Reserved, LongestUnicode, LongestAscii];
    private static readonly string[] ColumnNames = ["Id", "user", "order", "col \"q\"", "ñandú", LongestAscii];

    [Fact]
    public async Task Weird_names_round_trip_exactly_and_qualify_to_selectable_sql()
    {
        Assert.Equal(63, System.Text.Encoding.UTF8.GetByteCount(LongestUnicode));
        await database.ExecuteAsync(string.Join('\n', [
            $"CREATE SCHEMA {Q(Schema)};",
            .. TableNames.Select((table, i) => $"""
                CREATE TABLE {SqlIdentifier.Qualify(Schema, table)} ({string.Join(", ", ColumnNames.Select(c => $"{Q(c)} int"))}, PRIMARY KEY ({Q("Id")}));
                CREATE INDEX {Q(IndexName(i))} ON {SqlIdentifier.Qualify(Schema, table)} ({Q("order")});
                INSERT INTO {SqlIdentifier.Qualify(Schema, table)} VALUES (1, 2, 3, 4, 5, 6);
                """)]));

        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var snapshot = await new CatalogReader(dataSource).ReadAsync(CancellationToken.None);

        Assert.Contains(snapshot.Schemas, s => s.Name == Schema);
        var tables = snapshot.Tables.Where(t => t.Schema == Schema).ToList();
        Assert.Equal(TableNames.Order(StringComparer.Ordinal), tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in tables)
        {
            var columns = snapshot.Columns.Where(c => c.TableOid == table.Oid).OrderBy(c => c.Position).Select(c => c.Name).ToList();
            Assert.Equal(ColumnNames, columns);
            var index = Assert.Single(snapshot.Indexes, i => i.TableOid == table.Oid && !i.IsPrimary);
            Assert.Equal(IndexName(Array.IndexOf(TableNames, table.Name)), index.Name);
            Assert.Equal(["order"], index.KeyColumns);
            Assert.Equal(["Id"], Assert.Single(snapshot.Constraints, c => c.TableOid == table.Oid).Columns);

            await using var select = new NpgsqlCommand($"SELECT {string.Join(", ", columns.Select(SqlIdentifier.Quote))} FROM {table.QualifiedName}", connection);
            Assert.Equal(1, await select.ExecuteScalarAsync());
        }
    }

    private static string IndexName(int table) => $"Ix \"{table}\" Ü";

    private static string Q(string name) => SqlIdentifier.Quote(name);
}
