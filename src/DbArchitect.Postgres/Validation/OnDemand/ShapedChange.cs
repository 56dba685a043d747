using System.Text;
using System.Text.Json;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>
/// A statement that makes, removes or renames one relation and does nothing else, as the scripts of
/// thousands of statements a schema-wide finding collapses into are written (an index per table, a
/// rename per table): the kind of statement <see cref="SameShapeAnalogy"/> may prove by analogy
/// with its runs.
/// </summary>
/// <param name="Shape">Everything about the statement but its names: two statements of one shape differ only in the relations and columns they name.</param>
/// <param name="Consumes">The relation that must exist for it (a dropped or renamed one); null for none.</param>
/// <param name="Produces">The relation name it makes exist (a new index, a new name); null for none.</param>
/// <param name="On">The relation it works on (a CREATE INDEX's table); null when that is <paramref name="Consumes"/> or its table.</param>
/// <param name="Columns">The columns a CREATE INDEX reads, keys first.</param>
internal sealed record ShapedChange(string Shape, RelationName? Consumes, RelationName? Produces, RelationName? On, IReadOnlyList<string> Columns)
{
    private static readonly HashSet<string> RenamedRelations = new(StringComparer.Ordinal) { "OBJECT_TABLE", "OBJECT_INDEX", "OBJECT_SEQUENCE", "OBJECT_VIEW" };

    /// <summary>The change a statement's parse tree node makes; null for anything else.</summary>
    public static ShapedChange? Of(string type, JsonElement node) => type switch
    {
        "IndexStmt" => CreateIndex(node),
        "DropStmt" => DropIndex(node),
        "RenameStmt" => Rename(node),
        _ => null,
    };

    private static ShapedChange? CreateIndex(JsonElement node)
    {
        if (!node.TryGetProperty("idxname", out var name) || node.TryGetProperty("whereClause", out _)
            || DumpedNames.Relation(node.GetProperty("relation")) is not { } table)
        {
            return null;
        }

        var keys = Elements(node, "indexParams");
        var include = Elements(node, "indexIncludingParams");
        if (keys.Concat(include).Any(element => !element.TryGetProperty("name", out _)))
        {
            return null;
        }

        var shape = new StringBuilder("create index");
        foreach (var flag in (string[])["unique", "concurrent", "if_not_exists", "nulls_not_distinct", "inh"])
        {
            shape.Append(' ').Append(ParseTreeNodes.Flag(node, flag) ? flag : "-");
        }

        shape.Append(' ').Append(node.GetProperty("accessMethod").GetString());
        foreach (var key in keys)
        {
            // The key as written less its column: ordering, NULLS, opclass and collation.
            var options = key.EnumerateObject().Where(property => property.Name != "name").Select(property => $"{property.Name}={property.Value.GetRawText()}");
            shape.Append(" (").AppendJoin(',', options).Append(')');
        }

        shape.Append(" include ").Append(include.Count);
        var columns = keys.Concat(include).Select(element => element.GetProperty("name").GetString() ?? "").ToList();
        return new ShapedChange(shape.ToString(), null, new RelationName(table.Schema, name.GetString() ?? ""), table, columns);
    }

    private static ShapedChange? DropIndex(JsonElement node)
    {
        if (node.GetProperty("removeType").GetString() != "OBJECT_INDEX" || node.GetProperty("behavior").GetString() != "DROP_RESTRICT"
            || node.GetProperty("objects") is not { ValueKind: JsonValueKind.Array } objects || objects.GetArrayLength() != 1)
        {
            return null;
        }

        var parts = ParseTreeNodes.Strings(objects[0].GetProperty("List").GetProperty("items"));
        return parts.Count == 2
            ? new ShapedChange($"drop index {Flags(node, "concurrent", "missing_ok")}", new RelationName(parts[0], parts[1]), null, null, [])
            : null;
    }

    private static ShapedChange? Rename(JsonElement node)
    {
        var kind = node.GetProperty("renameType").GetString() ?? "";
        return RenamedRelations.Contains(kind) && DumpedNames.Relation(node.GetProperty("relation")) is { } old && node.TryGetProperty("newname", out var name)
            ? new ShapedChange($"rename {kind} {Flags(node, "missing_ok")}", old, new RelationName(old.Schema, name.GetString() ?? ""), null, [])
            : null;
    }

    private static string Flags(JsonElement node, params string[] flags) => string.Join(' ', flags.Select(flag => ParseTreeNodes.Flag(node, flag) ? flag : "-"));

    private static List<JsonElement> Elements(JsonElement node, string list) =>
        node.TryGetProperty(list, out var elements) ? [.. elements.EnumerateArray().Select(element => element.GetProperty("IndexElem"))] : [];
}
