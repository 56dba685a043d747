using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// TypeORM migration classes: the SQL of every <c>queryRunner.query(…)</c> in <c>up</c> and in
/// <c>down</c>; builder calls such as <c>queryRunner.createTable</c> are listed as not analysed.
/// All pending migrations run in one transaction unless a class sets <c>transaction = false</c>.
/// </summary>
internal static partial class TypeOrmMigrations
{
    public static bool Looks(string text) => text.Contains("MigrationInterface", StringComparison.Ordinal) && text.Contains("queryRunner", StringComparison.Ordinal);

    public static Migration? Read(string path, string text) =>
        CodeMigration.OfJavaScript(path, text, MigrationConvention.TypeOrm, "queryRunner", "query", runsInTransaction: !TransactionOff().IsMatch(text),
            CodeMigration.LeadingVersion(path) is { Length: > 0 } leading ? leading : ClassTimestamp().Match(text).Groups["version"].Value);

    [GeneratedRegex(@"class\s+\w*?(?<version>\d{10,})\b")]
    private static partial Regex ClassTimestamp();

    [GeneratedRegex(@"\btransaction\s*=\s*false\b")]
    private static partial Regex TransactionOff();
}
