using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Core.Tests.Migrations;

public sealed class SequelizeMigrationsTests
{
    [Fact]
    public void Query_sql_is_read_inside_transactions_and_query_interface_builder_calls_are_not_analysed()
    {
        const string text = """
            'use strict';
            /** @type {import('sequelize-cli').Migration} */
            module.exports = {
              async up(queryInterface, Sequelize) {
                await queryInterface.sequelize.transaction(async (transaction) => {
                  await queryInterface.sequelize.query(
                    "ALTER TABLE \"Users\" ADD COLUMN \"bio\" text CHECK (length(\"bio\") < (10 * (2 + 3)))",
                    { transaction },
                  );
                  await queryInterface.addColumn('Users', 'age', { type: Sequelize.INTEGER }, { transaction });
                });
                // queryInterface.sequelize.query('DROP TABLE "Users"');
                await queryInterface.sequelize.query(`UPDATE "Users" SET "age" = ${defaultAge}`);
              },

              down: async (queryInterface) => {
                await queryInterface.removeColumn('Users', 'age');
              },
            };
            """;

        var migration = SequelizeMigrations.Read("migrations/20240105120000-add-bio.js", text)!;

        Assert.Equal((MigrationConvention.Sequelize, "20240105120000", "add-bio", false), (migration.Convention, migration.Version, migration.Name, migration.RunsInTransaction));
        Assert.Equal([7], ScriptLines.Statements(migration.Up));
        Assert.Equal("ALTER TABLE \"Users\" ADD COLUMN \"bio\" text CHECK (length(\"bio\") < (10 * (2 + 3)));", ScriptLines.At(migration.Up, 7));
        Assert.Equal(
            [(10, "queryInterface.addColumn(…): a builder call, not SQL text"), (13, "a template literal with ${…}: SQL built when the migration runs"), (17, "queryInterface.removeColumn(…): a builder call, not SQL text")],
            ScriptLines.Unread(migration));
        Assert.Empty(ScriptLines.Statements(migration.Down!));
    }

    [Fact]
    public void Umzug_context_parameter_names_the_query_interface()
    {
        const string text = """
            export const up = async ({ context: qi }) => {
              await qi.sequelize.query('CREATE INDEX "users_email" ON "Users" ("email")');
            };
            """;

        var migration = SequelizeMigrations.Read("migrations/2024.01.05T12.00.00.add-index.ts", text)!;

        Assert.Equal("CREATE INDEX \"users_email\" ON \"Users\" (\"email\");", ScriptLines.At(migration.Up, 2));
        Assert.Null(migration.Down);
    }
}
