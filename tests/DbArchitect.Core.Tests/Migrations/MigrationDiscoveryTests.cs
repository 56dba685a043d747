using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Core.Tests.Migrations;

public sealed partial class MigrationDiscoveryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("dbarch-discovery-");

    public void Dispose() => _root.Delete(recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private MigrationChain Single() => Assert.Single(MigrationDiscovery.Discover(_root.FullName));

    [Fact]
    public void Flyway_versions_order_numerically_with_undos_as_downs_and_repeatables_last()
    {
        Write("sql/V1__init.sql", "CREATE TABLE a (id bigint);");
        Write("sql/V1.10__later.sql", "SELECT 1;");
        Write("sql/V1.9__earlier.sql", "SELECT 1;");
        Write("sql/U1.9__earlier.sql", "SELECT 2;");
        Write("sql/R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        Write("sql/U7__orphan.sql", "SELECT 3;");

        var chain = Single();

        Assert.Equal(["1 init", "1.9 earlier", "1.10 later", "views"], chain.Migrations.Select(m => m.Label));
        Assert.All(chain.Migrations, m => Assert.Equal(MigrationConvention.Flyway, m.Convention));
        Assert.Equal("SELECT 2;", chain.Migrations[1].Down?.Sql);
        Assert.True(chain.Migrations[3].Repeatable);
        Assert.True(chain.Migrations[0].RunsInTransaction);
        Assert.Equal("an undo migration without its versioned migration", Assert.Single(chain.Skipped).Reason);
    }

    [Fact]
    public void Sibling_flyway_locations_are_one_chain_in_version_order()
    {
        Write("db/migration_postgres/V1__init.sql", "CREATE TABLE a (id bigint);");
        Write("db/migration_postgres/V3__more.sql", "SELECT 1;");
        Write("db/migration_postgres_data/V2.1__backfill.sql", "UPDATE a SET id = id;");

        var chain = Single();

        Assert.Equal("db", chain.Root);
        Assert.Equal(["1 init", "2.1 backfill", "3 more"], chain.Migrations.Select(m => m.Label));
    }

    [Fact]
    public void Up_and_down_files_pair_by_version_and_other_dialects_and_orphans_are_skipped()
    {
        Write("migrations/000001_users.up.sql", "CREATE TABLE users (id bigint);");
        Write("migrations/000001_users.down.sql", "DROP TABLE users;");
        Write("migrations/000002_orders.postgres.up.sql", "CREATE TABLE orders (id bigint);");
        Write("migrations/000002_orders.mysql.up.sql", "CREATE TABLE orders (id bigint);");
        Write("migrations/000003_gone.down.sql", "SELECT 1;");

        var chain = Single();

        Assert.Equal(["000001 users", "000002 orders"], chain.Migrations.Select(m => m.Label));
        Assert.Equal("DROP TABLE users;", chain.Migrations[0].Down?.Sql);
        Assert.Null(chain.Migrations[1].Down);
        Assert.False(chain.Migrations[0].RunsInTransaction);
        Assert.Equal(["a down migration without its up", "written for mysql, not PostgreSQL"], chain.Skipped.Select(s => s.Reason).Order());
    }

    [Fact]
    public void A_file_for_postgres_takes_the_place_of_the_one_for_every_dialect_and_a_folder_for_another_engine_is_skipped()
    {
        Write("migrations/2_table.up.sql", "CREATE TABLE t (id int);");
        Write("migrations/2_table.postgres.up.sql", "CREATE TABLE t (id bigint);");
        Write("migrations/2_table.sqlite.up.sql", "CREATE TABLE t (id integer);");
        Write("mysql-persistence/db/migration/V1__init.sql", "CREATE TABLE t (id int AUTO_INCREMENT);");

        var chains = MigrationDiscovery.Discover(_root.FullName);

        Assert.Equal("CREATE TABLE t (id bigint);", Assert.Single(chains.Single(c => c.Root == "migrations").Migrations).Up.Sql);
        var mysql = chains.Single(c => c.Root.StartsWith("mysql", StringComparison.Ordinal));
        Assert.Empty(mysql.Migrations);
        Assert.Equal("in a folder for mysql, not PostgreSQL", Assert.Single(mysql.Skipped).Reason);
    }

    [Fact]
    public void Dbmate_and_goose_sections_start_below_their_markers_and_say_whether_they_run_in_a_transaction()
    {
        Write("db/migrations/20240101000000_a.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (c);\n\n-- migrate:down\nDROP INDEX i;\n");
        Write("db/migrations/20240102000000_b.sql", "-- +goose NO TRANSACTION\n-- +goose Up\n-- +goose StatementBegin\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n-- +goose StatementEnd\n-- +goose Down\nDROP FUNCTION f();\n");
        Write("db/migrations/20240103000000_c.sql", "-- migrate:up\nCREATE TABLE c (id bigint);\n");

        var chain = Single();

        var (dbmate, goose, noDown) = (chain.Migrations[0], chain.Migrations[1], chain.Migrations[2]);
        Assert.Equal((MigrationConvention.Dbmate, false, 2, "DROP INDEX i;\n"), (dbmate.Convention, dbmate.RunsInTransaction, dbmate.Up.FirstLine, dbmate.Down?.Sql));
        Assert.Equal((MigrationConvention.Goose, false, 3), (goose.Convention, goose.RunsInTransaction, goose.Up.FirstLine));
        Assert.Contains("CREATE FUNCTION", goose.Up.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP FUNCTION", goose.Up.Sql, StringComparison.Ordinal);
        Assert.True(noDown.RunsInTransaction && noDown.HasDownConvention && noDown.Down is null);
    }

    [Fact]
    public void A_folder_holding_sqitch_plan_is_one_chain_in_plan_order_whose_scripts_are_read_by_no_other_convention()
    {
        Write("db/sqitch.plan", "%project=shop\n\nschema 2024-01-01T00:00:00Z A <a@example.com>\nmigrations/orders [schema] 2024-01-02T00:00:00Z A <a@example.com>\n@v1 2024-01-03T00:00:00Z A <a@example.com>\n");
        Write("db/deploy/schema.sql", "BEGIN;\nCREATE SCHEMA shop;\nCOMMIT;\n");
        Write("db/revert/schema.sql", "DROP SCHEMA shop;\n");
        Write("db/verify/schema.sql", "SELECT 1/count(*) FROM pg_namespace WHERE nspname = 'shop';\n");
        // In a folder named for migrations, these would be a plain chain of their own were the plan not theirs.
        Write("db/deploy/migrations/orders.sql", "CREATE TABLE shop.orders (id bigint);\n");
        Write("db/revert/migrations/orders.sql", "DROP TABLE shop.orders;\n");
        Write("db/verify/migrations/orders.sql", "SELECT id FROM shop.orders WHERE false;\n");
        Write("db/deploy/migrations/old.sql", "CREATE TABLE shop.old (id bigint);\n");
        File.WriteAllBytes(Path.Combine(_root.FullName, "db", "sqitch.plan.bak"), [0]);
        Write("legacy/deploy/a.sql", "SELECT 1;");
        File.WriteAllBytes(Path.Combine(_root.FullName, "legacy", "sqitch.plan"), [0x25, 0x00]);

        var chains = MigrationDiscovery.Discover(_root.FullName);

        Assert.Equal(["db", "legacy"], chains.Select(c => c.Root));
        var db = chains[0];
        Assert.Equal(["1 schema", "2 migrations/orders"], db.Migrations.Select(m => m.Label));
        Assert.Equal([("db/deploy/schema.sql", "db/revert/schema.sql"), ("db/deploy/migrations/orders.sql", "db/revert/migrations/orders.sql")], db.Migrations.Select(m => (m.Up.Path, m.Down!.Path)));
        Assert.All(db.Migrations, m => Assert.Equal((MigrationConvention.Sqitch, false), (m.Convention, m.RunsInTransaction)));
        Assert.Equal([("db/deploy/migrations/old.sql", "a sqitch deploy script sqitch.plan does not list")], db.Skipped.Select(s => (s.Path, s.Reason)));
        Assert.Equal(
            [("legacy/sqitch.plan", "binary content, not SQL text"), ("legacy/deploy/a.sql", "a sqitch deploy script whose sqitch.plan could not be read")],
            chains[1].Skipped.Select(s => (s.Path, s.Reason)));
    }

    [Fact]
    public void Prisma_folders_and_plain_migration_folders_have_no_down()
    {
        Write("prisma/migrations/20240101120000_init/migration.sql", "CREATE TABLE \"User\" (id SERIAL PRIMARY KEY);");
        Write("prisma/migrations/20240102120000_initial_migration/migration.sql", "CREATE TABLE \"Post\" (id SERIAL PRIMARY KEY);");
        Write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"");
        Write("db/migrations/001-schema.sql", "CREATE TABLE a (id bigint);");
        Write("docs/example.sql", "SELECT 1;");

        var chains = MigrationDiscovery.Discover(_root.FullName);

        Assert.Equal(2, chains.Count);
        var prisma = Assert.Single(chains, c => c.Root.StartsWith("prisma", StringComparison.Ordinal)).Migrations[0];
        Assert.Equal((MigrationConvention.Prisma, "20240101120000 init", false), (prisma.Convention, prisma.Label, prisma.HasDownConvention));
        var plain = Assert.Single(chains.Single(c => c.Root.StartsWith("db", StringComparison.Ordinal)).Migrations);
        Assert.Equal(MigrationConvention.PlainSql, plain.Convention);
    }

    [Fact]
    public void TypeOrm_classes_give_their_query_sql_on_its_lines_and_name_what_is_not_sql_text()
    {
        Write("src/database/migrations/1715028537217-CreateUser.ts", """
            import { MigrationInterface, QueryRunner } from 'typeorm';

            export class CreateUser1715028537217 implements MigrationInterface {
              public async up(queryRunner: QueryRunner): Promise<void> {
                await queryRunner.query(
                  `CREATE TABLE "user" ("id" SERIAL NOT NULL, "note" text DEFAULT 'it''s')`,
                );
                // queryRunner.query(`DROP TABLE everything`);
                await queryRunner.query('CREATE INDEX "IDX_note" ON "user" ("note")');
                await queryRunner.query(`ALTER TABLE "${table}" ADD "x" int`);
                await queryRunner.createTable(new Table({ name: 'y' }));
              }

              public async down(queryRunner: QueryRunner): Promise<void> {
                await queryRunner.query(`DROP TABLE "user"`);
              }
            }
            """);
        Write("src/database/migrations/1715028600000-NoTransaction.ts", "export class NoTransaction1715028600000 implements MigrationInterface { transaction = false; async up(queryRunner) { await queryRunner.query(\"CREATE INDEX CONCURRENTLY i ON t (c)\"); } async down(queryRunner) {} }");

        var chain = Single();

        var (create, concurrent) = (chain.Migrations[0], chain.Migrations[1]);
        Assert.Equal((MigrationConvention.TypeOrm, "1715028537217", "CreateUser", true), (create.Convention, create.Version, create.Name, create.RunsInTransaction));
        var lines = create.Up.Sql.Split('\n');
        Assert.StartsWith("CREATE TABLE \"user\"", lines[5], StringComparison.Ordinal);
        Assert.StartsWith("CREATE INDEX \"IDX_note\"", lines[8], StringComparison.Ordinal);
        Assert.DoesNotContain("everything", create.Up.Sql, StringComparison.Ordinal);
        Assert.Equal([(10, "a template literal with ${…}: SQL built when the migration runs"), (11, "queryRunner.createTable(…): a builder call, not SQL text")], create.Unread.Select(u => (u.Line, u.Reason)));
        Assert.Contains("DROP TABLE \"user\"", create.Down!.Sql, StringComparison.Ordinal);
        Assert.False(concurrent.RunsInTransaction);
    }

    [Fact]
    public void Alembic_revisions_in_versions_follow_their_chain_and_other_python_files_are_not_migrations()
    {
        Write("alembic/versions/aaa_second.py", "revision = 'b2'\ndown_revision = 'a1'\n\ndef upgrade():\n    op.execute('ALTER TABLE t ADD c int')\n\ndef downgrade():\n    op.execute('ALTER TABLE t DROP c')\n");
        Write("alembic/versions/zzz_first.py", "revision = 'a1'\ndown_revision = None\n\ndef upgrade():\n    op.execute('CREATE TABLE t (id bigint)')\n");
        Write("alembic/versions/__init__.py", "");
        Write("alembic/env.py", "from alembic import context\n");
        Write("shop/migrations/0001_initial.py", "from django.db import migrations\n");

        var chain = Single();

        Assert.Equal(["a1 zzz_first", "b2 aaa_second"], chain.Migrations.Select(m => m.Label));
        Assert.Equal("ALTER TABLE t DROP c;", chain.Migrations[1].Down?.Sql.Trim());
        Assert.Null(chain.Migrations[0].Down);
    }

    [Fact]
    public void Ef_core_migrations_are_ordered_by_id_without_designer_files_or_the_snapshot_and_js_helpers_are_no_migrations()
    {
        const string efMigration = "[Migration(\"{0}_{1}\")] partial class {1} : Migration {{ protected override void Up(MigrationBuilder migrationBuilder) {{ migrationBuilder.Sql(\"SELECT {0}\"); }} protected override void Down(MigrationBuilder migrationBuilder) {{ }} }}";
        Write("src/Shop/Migrations/20230201000000_Second.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, efMigration, "20230201000000", "Second"));
        Write("src/Shop/Migrations/20230101000000_First.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, efMigration, "20230101000000", "First"));
        Write("src/Shop/Migrations/20230101000000_First.Designer.cs", string.Format(System.Globalization.CultureInfo.InvariantCulture, efMigration, "20230101000000", "First"));
        Write("src/Shop/Migrations/ShopContextModelSnapshot.cs", "partial class ShopContextModelSnapshot : ModelSnapshot { protected override void BuildModel(ModelBuilder modelBuilder) { } }");
        Write("db/migrations/helpers.js", "module.exports = function up(x) { return x + 1; };");
        File.WriteAllBytes(Path.Combine(_root.FullName, "db/migrations/bundle.js"), [0x7f, 0x45, 0x00, 0x4c]);

        var chains = MigrationDiscovery.Discover(_root.FullName);

        var ef = chains.Single(c => c.Root.StartsWith("src", StringComparison.Ordinal));
        Assert.Equal(["20230101000000 First", "20230201000000 Second"], ef.Migrations.Select(m => m.Label));
        Assert.All(ef.Migrations, m => Assert.Equal(MigrationConvention.EfCore, m.Convention));
        var js = chains.Single(c => c.Root.StartsWith("db", StringComparison.Ordinal));
        Assert.Empty(js.Migrations);
        Assert.Equal("binary content, not SQL text", Assert.Single(js.Skipped).Reason);
    }

    [Fact]
    public void Sql_scripts_of_a_project_that_references_dbup_are_a_dbup_chain_in_name_order()
    {
        Write("src/Shop.Database/Shop.Database.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><EmbeddedResource Include=\"Scripts\\*.sql\" /><PackageReference Include=\"dbup-postgresql\" Version=\"5.0.40\" /></ItemGroup></Project>");
        Write("src/Shop.Database/Scripts/Script0002 - Orders.sql", "CREATE TABLE orders (id bigint);");
        Write("src/Shop.Database/Scripts/Script0001 - Users.sql", "CREATE TABLE users (id bigint);");
        Write("src/Other/Other.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("src/Other/Scripts/report.sql", "SELECT 1;");

        var chain = Single();

        Assert.Equal(["Script0001 - Users", "Script0002 - Orders"], chain.Migrations.Select(m => m.Label));
        Assert.All(chain.Migrations, m => Assert.Equal((MigrationConvention.DbUp, false, false), (m.Convention, m.HasDownConvention, m.RunsInTransaction)));
    }

    [Fact]
    public void Binary_and_oversized_files_are_skipped_with_the_reason_never_read_as_sql()
    {
        Write("migrations/1_ok.up.sql", "SELECT 1;");
        File.WriteAllBytes(Path.Combine(_root.FullName, "migrations/2_blob.up.sql"), [0x50, 0x4b, 0x00, 0x03]);
        using (var huge = File.Create(Path.Combine(_root.FullName, "migrations/3_dump.up.sql")))
        {
            huge.SetLength(MigrationDiscovery.MaxFileBytes + 1);
        }

        var chain = Single();

        Assert.Equal(["1 ok"], chain.Migrations.Select(m => m.Label));
        Assert.Equal(["5.0 MB, larger than the 5 MB a migration is read up to", "binary content, not SQL text"], chain.Skipped.Select(s => s.Reason).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_an_error_and_one_without_migrations_gives_none()
    {
        Assert.Throws<DirectoryNotFoundException>(() => MigrationDiscovery.Discover(Path.Combine(_root.FullName, "nope")));
        Write("src/app.sql", "SELECT 1;");
        Assert.Empty(MigrationDiscovery.Discover(_root.FullName));
    }
}
