using System.Text.Json;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>The relations a dump statement's parse tree names, and what it tells of tables and indexes.</summary>
internal static class DumpedNames
{
    // COMMENT ON targets whose name list ends in the relation, or in something of it (a column, constraint, trigger…).
    private static readonly HashSet<string> RelationComments = new(StringComparer.Ordinal)
    {
        "OBJECT_TABLE", "OBJECT_VIEW", "OBJECT_MATVIEW", "OBJECT_INDEX", "OBJECT_SEQUENCE", "OBJECT_FOREIGN_TABLE",
    };

    private static readonly HashSet<string> PartComments = new(StringComparer.Ordinal)
    {
        "OBJECT_COLUMN", "OBJECT_TABCONSTRAINT", "OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE",
    };

    /// <summary>A RangeVar as a name; without a schema, in <paramref name="unqualified"/> (null: none, since in a dump such a name is a CTE's, no relation).</summary>
    public static RelationName? Relation(JsonElement rangeVar, string? unqualified = null) =>
        rangeVar.TryGetProperty("relname", out var name) && (rangeVar.TryGetProperty("schemaname", out var schema) ? schema.GetString() : unqualified) is { } inSchema
            ? new RelationName(inSchema, name.GetString() ?? "")
            : null;

    /// <summary>
    /// Every relation the statement may name: each RangeVar, wherever it sits (FROM lists, a foreign
    /// key's referenced table, a partition's parent), each <c>'…'::regclass</c> constant (a serial
    /// column's sequence) and each schema-qualified type (a table's row type), in the tree's order.
    /// A type that is no relation is among them; the dump's reader keeps only the relations it defines.
    /// </summary>
    /// <param name="node">A statement's parse tree node.</param>
    /// <param name="unqualified">The schema of names written without one; null to leave them out.</param>
    public static IEnumerable<RelationName> Of(JsonElement node, string? unqualified = null)
    {
        var pending = new Stack<JsonElement>([node]);
        while (pending.TryPop(out var current))
        {
            if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in current.EnumerateArray().Reverse())
                {
                    pending.Push(child);
                }

                continue;
            }

            if (current.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (current.TryGetProperty("relname", out _) && Relation(current, unqualified) is { } relation)
            {
                yield return relation;
            }

            if (current.TryGetProperty("TypeCast", out var cast) && RegclassConstant(cast) is { } sequence)
            {
                yield return sequence;
            }

            // A table's row type (a function returning SETOF public.customer) needs the table.
            if (current.TryGetProperty("typemod", out _) && current.TryGetProperty("names", out var typeNames)
                && ParseTreeNodes.Strings(typeNames) is [not "pg_catalog" and var typeSchema, var typeName])
            {
                yield return new RelationName(typeSchema, typeName);
            }

            foreach (var property in current.EnumerateObject().Reverse())
            {
                pending.Push(property.Value);
            }
        }
    }

    /// <summary>The columns of a CREATE TABLE's element list, each with its type's name.</summary>
    public static IReadOnlyList<DumpedColumn> Columns(JsonElement elements) =>
        [.. elements.EnumerateArray()
            .Where(element => element.TryGetProperty("ColumnDef", out _))
            .Select(element => element.GetProperty("ColumnDef"))
            .Select(column => new DumpedColumn(column.GetProperty("colname").GetString() ?? "", TypeName(column.GetProperty("typeName"))))];

    /// <summary>The indexes a statement builds and their table: a CREATE INDEX, or the index of a primary key, unique or exclusion constraint.</summary>
    public static IEnumerable<(RelationName Index, RelationName Table)> IndexesBuilt(string type, JsonElement node)
    {
        if (type is not ("IndexStmt" or "AlterTableStmt") || Relation(node.GetProperty("relation")) is not { } table)
        {
            yield break;
        }

        if (type == "IndexStmt")
        {
            if (node.TryGetProperty("idxname", out var name))
            {
                yield return (new RelationName(table.Schema, name.GetString() ?? ""), table);
            }

            yield break;
        }

        foreach (var command in node.GetProperty("cmds").EnumerateArray())
        {
            if (command.GetProperty("AlterTableCmd").TryGetProperty("def", out var def) && def.TryGetProperty("Constraint", out var constraint)
                && constraint.GetProperty("contype").GetString() is "CONSTR_PRIMARY" or "CONSTR_UNIQUE" or "CONSTR_EXCLUSION"
                && constraint.TryGetProperty("conname", out var name))
            {
                yield return (new RelationName(table.Schema, name.GetString() ?? ""), table);
            }
        }
    }

    /// <summary>The relation a COMMENT ON is about; null when it is about no relation (a function, a type, a schema).</summary>
    public static RelationName? Commented(JsonElement comment)
    {
        var kind = comment.GetProperty("objtype").GetString() ?? "";
        if (!comment.TryGetProperty("object", out var target) || !target.TryGetProperty("List", out var list))
        {
            return null;
        }

        var parts = ParseTreeNodes.Strings(list.GetProperty("items"));
        return kind switch
        {
            _ when RelationComments.Contains(kind) && parts.Count == 2 => new RelationName(parts[0], parts[1]),
            _ when PartComments.Contains(kind) && parts.Count == 3 => new RelationName(parts[0], parts[1]),
            _ => null,
        };
    }

    /// <summary>A type as its last name part (<c>pg_catalog.int4</c> is <c>int4</c>), with <c>[]</c> for an array: enough to tell two columns' types apart.</summary>
    private static string TypeName(JsonElement typeName)
    {
        var name = ParseTreeNodes.Strings(typeName.GetProperty("names"))[^1];
        return typeName.TryGetProperty("arrayBounds", out _) ? name + "[]" : name;
    }

    private static RelationName? RegclassConstant(JsonElement cast)
    {
        if (!cast.TryGetProperty("typeName", out var type) || TypeName(type) != "regclass"
            || !cast.GetProperty("arg").TryGetProperty("A_Const", out var constant) || !constant.TryGetProperty("sval", out var text))
        {
            return null;
        }

        var parts = ScannedSql.Of(text.GetProperty("sval").GetString() ?? "").Tokens
            .Where(token => token.Token != '.')
            .Select(token => token.Name)
            .ToList();
        return parts.Count == 2 ? new RelationName(parts[0], parts[1]) : null;
    }
}
