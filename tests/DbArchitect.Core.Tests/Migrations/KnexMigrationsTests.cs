using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Core.Tests.Migrations;

public sealed class KnexMigrationsTests
{
    [Fact]
    public void Raw_sql_is_read_on_its_line_and_builder_calls_and_templates_are_listed_as_not_analysed()
    {
        const string text = """
            // knex.raw('DROP TABLE nothing') is a comment
            exports.up = async function (knex) {
              await knex.raw('CREATE TABLE users (id bigint, note text DEFAULT \'it\'\'s\')');
              await knex.schema.raw(
                `CREATE INDEX users_note ON users (lower(note))`
              );
              /* knex.raw("DROP TABLE everything") */
              await knex.schema.createTable('orders', (t) => {
                t.timestamp('at').defaultTo(knex.raw('now()'));
              });
              await knex.raw(`ALTER TABLE ${table} ADD x int`);
              await knex('users').insert({ id: 1 });
              await knex.raw('UPDATE users SET note = ' + "'a'" + ' WHERE id = 1');
            };

            exports.down = function (knex) {
              return knex.raw("DROP TABLE users");
            };
            """;

        var migration = KnexMigrations.Read("db/migrations/20240105120000_create_users.js", text)!;

        Assert.Equal((MigrationConvention.Knex, "20240105120000", "create_users", true), (migration.Convention, migration.Version, migration.Name, migration.RunsInTransaction));
        Assert.Equal([3, 5, 13], ScriptLines.Statements(migration.Up));
        Assert.Equal("CREATE TABLE users (id bigint, note text DEFAULT 'it''s');", ScriptLines.At(migration.Up, 3));
        Assert.Equal("CREATE INDEX users_note ON users (lower(note));", ScriptLines.At(migration.Up, 5));
        Assert.Equal("UPDATE users SET note = 'a' WHERE id = 1;", ScriptLines.At(migration.Up, 13));
        Assert.DoesNotContain("now()", migration.Up.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing", migration.Up.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("everything", migration.Up.Sql, StringComparison.Ordinal);
        Assert.Equal(
            [(8, "knex.schema.createTable(…): a builder call, not SQL text"), (11, "a template literal with ${…}: SQL built when the migration runs"), (12, "knex(…): a builder call, not SQL text")],
            ScriptLines.Unread(migration));
        Assert.Equal("DROP TABLE users;", ScriptLines.At(migration.Down!, 17));
    }

    [Fact]
    public void Typescript_functions_arrow_expressions_and_a_missing_down_are_read()
    {
        const string text = """
            import type { Knex } from "knex";

            export const config = { transaction: false };

            export const up = (db: Knex) => db.raw("CREATE INDEX CONCURRENTLY i ON t ((a + (b * 2)))")

            export async function other(knex: Knex): Promise<void> {}
            """;

        var migration = KnexMigrations.Read("migrations/20240106_concurrent.ts", text)!;

        Assert.False(migration.RunsInTransaction);
        Assert.Equal("CREATE INDEX CONCURRENTLY i ON t ((a + (b * 2)));", ScriptLines.At(migration.Up, 5));
        Assert.Null(migration.Down);
        Assert.True(migration.HasDownConvention);
    }

    [Fact]
    public void Sql_in_a_variable_is_not_analysed_and_a_module_without_up_is_no_migration()
    {
        var migration = KnexMigrations.Read("migrations/1_x.js", "export async function up(knex) { const sql = 'SELECT 1'; await knex.raw(sql); }")!;

        Assert.Equal([(1, "SQL held in a variable or built by code")], ScriptLines.Unread(migration));
        Assert.Null(KnexMigrations.Read("migrations/knexfile.js", "module.exports = { client: 'pg', connection: process.env.DATABASE_URL };"));
    }

    [Fact]
    public void Raw_sql_through_the_transaction_callbacks_parameter_is_read_too()
    {
        const string text = """
            exports.up = async function (knex) {
              await knex.transaction(async (trx) => {
                await trx.raw('CREATE TABLE audit (id bigint)');
                await trx.schema.createTable('more', () => {});
              });
              return knex.transaction(function (t2) {
                return t2.raw("CREATE INDEX audit_id ON audit (id)");
              });
            };

            exports.down = function (knex) {
              return knex.raw('DROP TABLE audit');
            };
            """;

        var migration = KnexMigrations.Read("db/migrations/20240105120000_audit.js", text)!;

        Assert.Equal([3, 7], ScriptLines.Statements(migration.Up));
        Assert.Equal("CREATE TABLE audit (id bigint);", ScriptLines.At(migration.Up, 3));
        Assert.Equal("CREATE INDEX audit_id ON audit (id);", ScriptLines.At(migration.Up, 7));
        Assert.Contains(migration.Unread, u => u.Line == 4 && u.Reason.StartsWith("trx.schema.createTable", StringComparison.Ordinal));
    }
}
