using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Core.Tests.Migrations;

public sealed class FluentMigratorMigrationsTests
{
    [Fact]
    public void Execute_sql_is_read_and_fluent_expressions_and_script_files_are_not_analysed()
    {
        const string text = """
            using FluentMigrator;

            [Migration(202301051200, TransactionBehavior.None)]
            public class AddOrders : Migration
            {
                public override void Up()
                {
                    Create.Table("orders")
                        .WithColumn("id").AsInt64().PrimaryKey()
                        .WithColumn("note").AsString().Nullable();
                    Execute.Sql("CREATE INDEX CONCURRENTLY orders_note ON orders (note)");
                    IfDatabase("Postgres").Execute.Sql(@"COMMENT ON TABLE orders IS 'x'");
                    Execute.EmbeddedScript("AddOrders.sql");
                    /* Execute.Sql("DROP TABLE everything"); */
                }

                public override void Down()
                {
                    Delete.Table("orders");
                }
            }
            """;

        Assert.True(FluentMigratorMigrations.Looks(text));
        var migration = FluentMigratorMigrations.Read("Migrations/AddOrders.cs", text)!;

        Assert.Equal((MigrationConvention.FluentMigrator, "202301051200", false, true), (migration.Convention, migration.Version, migration.RunsInTransaction, migration.HasDownConvention));
        Assert.Equal([11, 12], ScriptLines.Statements(migration.Up));
        Assert.Equal("COMMENT ON TABLE orders IS 'x';", ScriptLines.At(migration.Up, 12));
        Assert.Equal(
            [
                (8, "Create.Table(…): a builder call, not SQL text"),
                (13, "Execute.EmbeddedScript(…): SQL in a script file, not read"),
                (19, "Delete.Table(…): a builder call, not SQL text"),
            ],
            ScriptLines.Unread(migration));
    }

    [Fact]
    public void An_auto_reversing_migration_has_no_down_to_write()
    {
        var migration = FluentMigratorMigrations.Read("Migrations/M2.cs", "using FluentMigrator; [Migration(2)] public class M2 : AutoReversingMigration { public override void Up() { Execute.Sql(\"SELECT 1\"); } }")!;

        Assert.Equal(("2", true, false), (migration.Version, migration.RunsInTransaction, migration.HasDownConvention));
        Assert.Null(migration.Down);
    }
}
