using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Core.Tests.Migrations;

public sealed class EfCoreMigrationsTests
{
    private const string Migration = """"
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Migrations
        {
            [Migration("20230105120000_AddOrders")]
            public partial class AddOrders : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // migrationBuilder.Sql("DROP TABLE everything");
                    migrationBuilder.CreateTable(
                        name: "orders",
                        columns: table => new { id = table.Column<long>(type: "bigint", nullable: false) });
                    migrationBuilder.Sql("CREATE INDEX orders_note ON orders (lower(note)) WHERE note <> '\"'");
                    migrationBuilder.Sql(@"UPDATE orders
                        SET note = ""it's""");
                    migrationBuilder.Sql("""
                        CREATE VIEW recent AS SELECT * FROM orders WHERE id > (SELECT max(id) - 10 FROM orders)
                        """);
                    migrationBuilder.Sql($"ALTER TABLE orders OWNER TO {owner}");
                    migrationBuilder.Sql($"COMMENT ON TABLE orders IS '{{braces}}'");
                    var c = '"';
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "orders");
                }
            }
        }
        """";

    [Fact]
    public void Sql_calls_are_read_on_their_lines_in_every_csharp_literal_form_and_builder_operations_are_not_analysed()
    {
        Assert.True(EfCoreMigrations.Looks("Migrations/20230105120000_AddOrders.cs", Migration));
        var migration = EfCoreMigrations.Read("Migrations/20230105120000_AddOrders.cs", Migration)!;

        Assert.Equal((MigrationConvention.EfCore, "20230105120000", "AddOrders", true), (migration.Convention, migration.Version, migration.Name, migration.RunsInTransaction));
        Assert.Equal([14, 15, 16, 18, 21], ScriptLines.Statements(migration.Up));
        Assert.Equal("CREATE INDEX orders_note ON orders (lower(note)) WHERE note <> '\"';", ScriptLines.At(migration.Up, 14));
        Assert.Equal("SET note = \"it's\";", ScriptLines.At(migration.Up, 16).Trim());
        Assert.StartsWith("CREATE VIEW recent AS", ScriptLines.At(migration.Up, 18).Trim(), StringComparison.Ordinal);
        Assert.Equal("COMMENT ON TABLE orders IS '{braces}';", ScriptLines.At(migration.Up, 21));
        Assert.DoesNotContain("everything", migration.Up.Sql, StringComparison.Ordinal);
        Assert.Equal(
            [
                (11, "migrationBuilder.CreateTable(…): a builder call, not SQL text"),
                (20, "an interpolated string: SQL built when the migration runs"),
                (27, "migrationBuilder.DropTable(…): a builder call, not SQL text"),
            ],
            ScriptLines.Unread(migration));
        Assert.Empty(ScriptLines.Statements(migration.Down!));
    }

    [Fact]
    public void Designer_files_and_the_model_snapshot_are_no_migrations_and_suppress_transaction_is_seen()
    {
        Assert.False(EfCoreMigrations.Looks("Migrations/20230105120000_AddOrders.Designer.cs", Migration));
        Assert.False(EfCoreMigrations.Looks("Migrations/ShopContextModelSnapshot.cs", "partial class ShopContextModelSnapshot : ModelSnapshot { MigrationBuilder b; }"));

        var migration = EfCoreMigrations.Read("Migrations/20230106000000_Concurrent.cs",
            "class Concurrent : Migration { protected override void Up(MigrationBuilder b) { b.Sql(\"CREATE INDEX CONCURRENTLY i ON t (c)\", suppressTransaction: true); } }")!;

        Assert.Equal(("20230106000000", false), (migration.Version, migration.RunsInTransaction));
        Assert.Equal("CREATE INDEX CONCURRENTLY i ON t (c);", ScriptLines.At(migration.Up, 1));
        Assert.Null(migration.Down);
    }
}
