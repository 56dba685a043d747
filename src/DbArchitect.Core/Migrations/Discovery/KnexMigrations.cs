using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Knex migration modules (<c>exports.up = function (knex) {…}</c>, <c>export async function up(knex: Knex)</c>):
/// the SQL of every <c>knex.raw(…)</c> and <c>knex.schema.raw(…)</c> in <c>up</c> and <c>down</c>; schema
/// builder calls (<c>knex.schema.createTable</c>) and queries (<c>knex('users').insert</c>) are listed as
/// not analysed. Knex runs each migration in a transaction unless its module exports <c>config = { transaction: false }</c>.
/// </summary>
internal static partial class KnexMigrations
{
    public static bool Looks(string text) => text.Contains("knex", StringComparison.OrdinalIgnoreCase);

    public static Migration? Read(string path, string text) =>
        CodeMigration.OfJavaScript(path, text, MigrationConvention.Knex, "knex", @"(?:schema\s*\.\s*)?raw", runsInTransaction: !TransactionOff().IsMatch(text));

    [GeneratedRegex(@"\btransaction\s*:\s*false\b")]
    private static partial Regex TransactionOff();
}
