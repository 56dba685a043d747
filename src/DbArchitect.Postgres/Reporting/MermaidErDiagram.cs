using System.Text;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Reporting;

/// <summary>Mermaid <c>erDiagram</c> source for a set of tables and the foreign keys among them.</summary>
internal static class MermaidErDiagram
{
    private const int MaxColumnsPerEntity = 12;

    public static string Render(CatalogSnapshot snapshot, IReadOnlyList<TableInfo> tables)
    {
        var shown = tables.Select(t => t.Oid).ToHashSet();
        var builder = new StringBuilder("erDiagram\n");
        foreach (var fk in snapshot.Constraints
                     .Where(c => c.Kind == ConstraintKind.ForeignKey && shown.Contains(c.TableOid))
                     .OrderBy(c => c.Schema, StringComparer.Ordinal).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            var parent = tables.FirstOrDefault(t => t.Schema == fk.ReferencedSchema && t.Name == fk.ReferencedTable);
            if (parent is null)
            {
                continue;
            }

            var childColumns = snapshot.Columns.Where(c => c.TableOid == fk.TableOid && fk.Columns.Contains(c.Name)).ToList();
            var optional = childColumns.Any(c => !c.NotNull) ? "o|" : "||";
            builder.Append("    ").Append(EntityId(parent)).Append(' ').Append(optional).Append("--o{ ")
                .Append(EntityId(tables.First(t => t.Oid == fk.TableOid))).Append(" : \"")
                .Append(string.Join(", ", fk.Columns).Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n");
        }

        foreach (var table in tables)
        {
            var primaryKey = snapshot.Constraints.FirstOrDefault(c => c.TableOid == table.Oid && c.Kind == ConstraintKind.PrimaryKey)?.Columns ?? [];
            var foreignKeyColumns = snapshot.Constraints.Where(c => c.TableOid == table.Oid && c.Kind == ConstraintKind.ForeignKey).SelectMany(c => c.Columns).ToHashSet(StringComparer.Ordinal);
            builder.Append("    ").Append(Entity(table)).Append(" {\n");
            foreach (var column in snapshot.Columns.Where(c => c.TableOid == table.Oid).OrderBy(c => c.Position).Take(MaxColumnsPerEntity))
            {
                builder.Append("        ").Append(Token(column.DataType)).Append(' ').Append(Token(column.Name));
                var keys = new List<string>();
                if (primaryKey.Contains(column.Name))
                {
                    keys.Add("PK");
                }

                if (foreignKeyColumns.Contains(column.Name))
                {
                    keys.Add("FK");
                }

                if (keys.Count > 0)
                {
                    builder.Append(' ').Append(string.Join(", ", keys));
                }

                builder.Append('\n');
            }

            builder.Append("    }\n");
        }

        return builder.ToString().TrimEnd('\n');
    }

    private static string EntityId(TableInfo table) => Token(table.Schema == "public" ? table.Name : $"{table.Schema}_{table.Name}");

    /// <summary>Mermaid entity ids allow letters, digits and '_'; the real name goes in the alias.</summary>
    private static string Entity(TableInfo table)
    {
        var id = EntityId(table);
        var label = table.Schema == "public" ? table.Name : $"{table.Schema}.{table.Name}";
        return id == label ? id : $"{id}[\"{label.Replace("\"", "'", StringComparison.Ordinal)}\"]";
    }

    private static string Token(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var token = builder.ToString().Trim('_');
        return token.Length == 0 ? "x" : token;
    }
}
