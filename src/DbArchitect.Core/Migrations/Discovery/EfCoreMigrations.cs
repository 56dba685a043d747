using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// EF Core migrations: the SQL of every <c>migrationBuilder.Sql(…)</c> in <c>Up</c> and <c>Down</c>; the
/// builder operations (<c>migrationBuilder.CreateTable</c>, <c>AddColumn</c>) are listed as not analysed.
/// Ordered by the migration id of <c>[Migration("20230101120000_Name")]</c>, which is also the file's name;
/// each migration runs in a transaction unless a statement asks <c>suppressTransaction: true</c>.
/// The designer files and the model snapshot hold no migration.
/// </summary>
internal static partial class EfCoreMigrations
{
    public static bool Looks(string path, string text) =>
        text.Contains("MigrationBuilder", StringComparison.Ordinal)
        && !path.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase)
        && !path.EndsWith("ModelSnapshot.cs", StringComparison.OrdinalIgnoreCase);

    public static Migration? Read(string path, string text)
    {
        var source = new CSharpSource(text);
        if (source.MethodBody("Up") is not { } up)
        {
            return null;
        }

        var id = MigrationId().Match(text) is { Success: true } attribute ? attribute.Groups["version"].Value : null;
        return CodeMigration.Of(path, MigrationConvention.EfCore, source, Method(up), source.MethodBody("Down") is { } down ? Method(down) : null,
            runsInTransaction: !SuppressTransaction().IsMatch(text), id);
    }

    private static CodeMigration.Method Method((int Start, int End, string? Parameter) body) =>
        new(body.Start, body.End, CodeMigration.ReceiverCalls(body.Parameter ?? "migrationBuilder", "Sql"));

    [GeneratedRegex(@"\[\s*Migration\s*\(\s*""(?<version>\d+)")]
    private static partial Regex MigrationId();

    [GeneratedRegex(@"\bsuppressTransaction\s*:\s*true\b")]
    private static partial Regex SuppressTransaction();
}
