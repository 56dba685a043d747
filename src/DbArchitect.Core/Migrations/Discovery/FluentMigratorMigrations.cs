using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// FluentMigrator migrations: the SQL of every <c>Execute.Sql(…)</c> in <c>Up</c> and <c>Down</c>; the
/// fluent expressions (<c>Create.Table</c>, <c>Alter.Column</c>, <c>Delete.Index</c>…) are listed as not
/// analysed, and so are scripts run from files (<c>Execute.Script</c>, <c>Execute.EmbeddedScript</c>).
/// Ordered by <c>[Migration(N)]</c>; each runs in a transaction unless the attribute says
/// <c>TransactionBehavior.None</c>. An <c>AutoReversingMigration</c> has its down made for it.
/// </summary>
internal static partial class FluentMigratorMigrations
{
    public static bool Looks(string text) => text.Contains("FluentMigrator", StringComparison.Ordinal) && MigrationNumber().IsMatch(text);

    public static Migration? Read(string path, string text)
    {
        var source = new CSharpSource(text);
        if (source.MethodBody("Up") is not { } up)
        {
            return null;
        }

        return CodeMigration.Of(path, MigrationConvention.FluentMigrator, source, new(up.Start, up.End, Expressions()),
            source.MethodBody("Down") is { } down ? new(down.Start, down.End, Expressions()) : null,
            runsInTransaction: !text.Contains("TransactionBehavior.None", StringComparison.Ordinal),
            MigrationNumber().Match(text).Groups["version"].Value,
            hasDownConvention: !text.Contains("AutoReversingMigration", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\G(?<![\w])(?:(?<sql>Execute\s*\.\s*Sql)|(?<file>Execute\s*\.\s*\w*Script)|(?<builder>(?:Create|Alter|Delete|Rename|Insert|Update|Execute)\s*\.\s*\w+))\s*\(")]
    private static partial Regex Expressions();

    [GeneratedRegex(@"\[\s*Migration\s*\(\s*(?<version>\d+)")]
    private static partial Regex MigrationNumber();
}
