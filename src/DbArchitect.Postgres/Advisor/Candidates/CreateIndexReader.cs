using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// Reads CREATE INDEX statements (as a model or a finding's remedy proposes them) into
/// <see cref="IndexCandidate"/>s on the server's own parser: table, method, keys (columns or
/// expressions, with sort options and opclass), INCLUDE columns and the partial predicate.
/// Anything else, or more than one statement, is refused.
/// </summary>
public static class CreateIndexReader
{
    private const string NotCreateIndex =
        "refused: not a CREATE INDEX statement of the form CREATE INDEX [name] ON table [USING method] (keys) [INCLUDE (columns)] [WHERE predicate]";

    /// <summary>The CREATE INDEX statements of a SQL block that can be read; the rest of the block is ignored.</summary>
    public static IEnumerable<IndexCandidate> ReadAll(string sql, CatalogSnapshot snapshot) =>
        SqlScript.Split(sql)
            .Select(statement => TryReadStatement(statement, snapshot, out var candidate, out _) ? candidate : null)
            .OfType<IndexCandidate>();

    /// <summary>Exactly one CREATE INDEX statement; <paramref name="error"/> says why anything else is refused.</summary>
    public static bool TryRead(string sql, CatalogSnapshot snapshot, [NotNullWhen(true)] out IndexCandidate? candidate, [NotNullWhen(false)] out string? error)
    {
        switch (SqlScript.Split(sql))
        {
            case [var statement]:
                return TryReadStatement(statement, snapshot, out candidate, out error);
            case []:
                (candidate, error) = (null, NotCreateIndex);
                return false;
            default:
                (candidate, error) = (null, "refused: give exactly one CREATE INDEX statement");
                return false;
        }
    }

    /// <summary>Plain column names among the keys and INCLUDE columns, as the server reads them; expressions are left out.</summary>
    public static IEnumerable<string> PlainColumns(IndexCandidate candidate)
    {
        using var tree = Parsed(candidate.Definition, out _);
        if (tree is null || Index(tree) is not { } index)
        {
            return [];
        }

        return [.. Elements(index, "indexParams").Concat(Elements(index, "indexIncludingParams"))
            .Select(element => element.TryGetProperty("name", out var name) ? name.GetString() : null)
            .OfType<string>()];
    }

    private static bool TryReadStatement(string statement, CatalogSnapshot snapshot, [NotNullWhen(true)] out IndexCandidate? candidate, [NotNullWhen(false)] out string? error)
    {
        candidate = null;
        using var tree = Parsed(statement, out var syntaxError);
        if (tree is null)
        {
            error = $"{NotCreateIndex} ({syntaxError})";
            return false;
        }

        // Storage parameters and a tablespace are not part of a candidate; reading the index
        // without them would propose a different one.
        if (Index(tree) is not { } index || index.TryGetProperty("options", out _) || index.TryGetProperty("tableSpace", out _))
        {
            error = NotCreateIndex;
            return false;
        }

        var relation = index.GetProperty("relation");
        var schema = relation.TryGetProperty("schemaname", out var written) ? written.GetString() : null;
        var name = relation.GetProperty("relname").GetString()!;
        if (ResolveTable(schema, name, snapshot) is not { } table)
        {
            error = $"refused: table {(schema is null ? SqlIdentifier.Quote(name) : SqlIdentifier.Qualify(schema, name))} does not exist on the target";
            return false;
        }

        var clauses = CreateIndexClauses.Read(statement, new Utf8Text(statement).CharOffset(relation.GetProperty("location").GetInt32()));
        candidate = new IndexCandidate
        {
            Schema = table.Schema,
            Table = table.Name,
            Method = index.GetProperty("accessMethod").GetString()!,
            Keys = clauses.Keys,
            Include = clauses.Include,
            Predicate = clauses.Predicate,
        };
        error = null;
        return true;
    }

    // An unqualified name is the one table of that name, or the one in public when several schemas have it.
    private static TableInfo? ResolveTable(string? schema, string name, CatalogSnapshot snapshot)
    {
        var matches = snapshot.Tables.Where(t => t.Name == name && (schema is null || t.Schema == schema)).ToList();
        return matches.Count == 1 ? matches[0] : matches.FirstOrDefault(t => t.Schema == "public");
    }

    private static JsonDocument? Parsed(string sql, out string? syntaxError)
    {
        try
        {
            syntaxError = null;
            return PgQuery.Parse(sql);
        }
        catch (SqlParseException exception)
        {
            syntaxError = exception.Message;
            return null;
        }
    }

    private static JsonElement? Index(JsonDocument tree) =>
        tree.RootElement.TryGetProperty("stmts", out var statements) && statements.GetArrayLength() == 1
            && statements[0].GetProperty("stmt").TryGetProperty("IndexStmt", out var index)
            ? index
            : null;

    private static IEnumerable<JsonElement> Elements(JsonElement index, string list) =>
        index.TryGetProperty(list, out var elements)
            ? elements.EnumerateArray().Select(element => element.GetProperty("IndexElem"))
            : [];
}
