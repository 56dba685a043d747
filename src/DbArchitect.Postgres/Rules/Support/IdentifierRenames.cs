using System.Text;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Renames of a table and some of its columns as one remedy with its exact inverse; shared by the
/// naming rules so that they agree on how a rename is written and rolled back.
/// </summary>
internal static class IdentifierRenames
{
    /// <summary><paramref name="newTableName"/> is null to keep the table's name; columns are (old, new) pairs.</summary>
    public static Remedy For(TableInfo table, string? newTableName, IReadOnlyList<(string Old, string New)> columns)
    {
        var finalTable = SqlIdentifier.Qualify(table.Schema, newTableName ?? table.Name);
        var up = new List<string>();
        var down = new List<string>();
        if (newTableName is not null)
        {
            up.Add($"ALTER TABLE {table.QualifiedName} RENAME TO {SqlIdentifier.Quote(newTableName)};");
        }

        foreach (var (old, renamed) in columns)
        {
            up.Add($"ALTER TABLE {finalTable} RENAME COLUMN {SqlIdentifier.Quote(old)} TO {SqlIdentifier.Quote(renamed)};");
            down.Insert(0, $"ALTER TABLE {finalTable} RENAME COLUMN {SqlIdentifier.Quote(renamed)} TO {SqlIdentifier.Quote(old)};");
        }

        if (newTableName is not null)
        {
            down.Add($"ALTER TABLE {finalTable} RENAME TO {SqlIdentifier.Quote(table.Name)};");
        }

        return new Remedy
        {
            Kind = ChangeKind.SchemaChange,
            Strategy = MigrationStrategy.Standard,
            Up = string.Join("\n", up),
            Down = string.Join("\n", down),
            Creates =
            [
                .. newTableName is null ? Array.Empty<string>() : [finalTable],
                .. columns.Select(c => ObjectNames.QualifiedColumn(table.Schema, newTableName ?? table.Name, c.New)),
            ],
            PerformanceImpact = "Renames are catalog-only and instant, but every query, view body kept as text elsewhere, and ORM mapping using the old name breaks: ship the application change in the same release, or keep a view with the old name for one release.",
            Testing = "Run the application's test suite against a copy with the renamed objects; grep the code base for the old names.",
        };
    }

    /// <summary>
    /// The snake_case spelling of a name: word boundaries of camelCase and PascalCase become
    /// underscores, anything outside [a-z0-9_] becomes an underscore, and leading digits get a prefix.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                if (i > 0 && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
            }
        }

        var snake = string.Join('_', builder.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries));
        return snake.Length == 0 ? "unnamed" : char.IsDigit(snake[0]) ? "n_" + snake : snake;
    }
}
