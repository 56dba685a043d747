namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Sequelize migrations (<c>module.exports = { async up(queryInterface, Sequelize) {…}, async down(…) {…} }</c>,
/// and umzug's <c>({ context: queryInterface })</c>): the SQL of every <c>queryInterface.sequelize.query(…)</c>;
/// builder calls (<c>queryInterface.addColumn</c>, <c>createTable</c>, <c>bulkInsert</c>) are listed as not
/// analysed, and the calls inside a <c>queryInterface.sequelize.transaction(…)</c> are read. sequelize-cli runs
/// a migration without a transaction of its own.
/// </summary>
internal static class SequelizeMigrations
{
    public static bool Looks(string text) => text.Contains("queryInterface", StringComparison.OrdinalIgnoreCase);

    public static Migration? Read(string path, string text) =>
        CodeMigration.OfJavaScript(path, text, MigrationConvention.Sequelize, "queryInterface", @"sequelize\s*\.\s*query", runsInTransaction: false);
}
