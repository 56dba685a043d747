using DbArchitect.Core.Migrations;

namespace DbArchitect.Core.Tests.Migrations;

/// <summary>What a code migration's readers keep: each statement on its line of the file, and what was not analysed.</summary>
internal static class ScriptLines
{
    /// <summary>The statement text starting on the file's line <paramref name="line"/> (1-based).</summary>
    public static string At(MigrationScript script, int line) => script.Sql.Split('\n')[line - script.FirstLine];

    /// <summary>The lines of the file that start a statement.</summary>
    public static IEnumerable<int> Statements(MigrationScript script) =>
        script.Sql.Split('\n').Select((text, i) => (text, line: i + script.FirstLine)).Where(l => l.text.Trim().Length > 0 && l.text.Trim() != ";").Select(l => l.line);

    public static IEnumerable<(int Line, string Reason)> Unread(Migration migration) => migration.Unread.Select(u => (u.Line, u.Reason));
}
