using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Agent.Architect.Tools;

/// <summary>
/// Reads one CREATE INDEX statement (as a model proposes it) into an <see cref="IndexCandidate"/>:
/// table, method, keys (columns or expressions, with sort options), INCLUDE columns and the
/// partial predicate. Anything else, or more than one statement, is refused.
/// </summary>
public static partial class CreateIndexStatement
{
    /// <summary>The CREATE INDEX statements of a SQL block that parse; the rest of the block is ignored.</summary>
    public static IEnumerable<IndexCandidate> ParseAll(string sql, CatalogSnapshot snapshot)
    {
        // A semicolon inside an index predicate's string literal would split wrongly; such an
        // index is then not recognised, and is left to the validator's server check.
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(statement, snapshot, out var candidate, out _))
            {
                yield return candidate;
            }
        }
    }

    public static bool TryParse(string sql, CatalogSnapshot snapshot, [NotNullWhen(true)] out IndexCandidate? candidate, [NotNullWhen(false)] out string? error)
    {
        candidate = null;
        var text = sql.Trim().TrimEnd(';').Trim();
        if (text.Contains(';', StringComparison.Ordinal))
        {
            error = "refused: give exactly one CREATE INDEX statement";
            return false;
        }

        var match = Statement().Match(text);
        if (!match.Success)
        {
            error = "refused: not a CREATE INDEX statement of the form CREATE INDEX [name] ON table [USING method] (keys) [INCLUDE (columns)] [WHERE predicate]";
            return false;
        }

        var (schema, table) = ResolveTable(match.Groups["schema"].Success ? Unquote(match.Groups["schema"].Value) : null, Unquote(match.Groups["table"].Value), snapshot);
        if (table is null)
        {
            error = $"refused: table {match.Groups["table"].Value} does not exist on the target";
            return false;
        }

        var keys = SplitTopLevel(match.Groups["keys"].Value);
        if (keys.Count == 0)
        {
            error = "refused: the index has no keys";
            return false;
        }

        candidate = new IndexCandidate
        {
            Schema = schema!,
            Table = table,
            Method = match.Groups["method"].Success ? match.Groups["method"].Value.ToLowerInvariant() : "btree",
            Keys = keys,
            Include = match.Groups["include"].Success ? SplitTopLevel(match.Groups["include"].Value) : [],
            Predicate = match.Groups["where"].Success ? match.Groups["where"].Value.Trim() : null,
        };
        error = null;
        return true;
    }

    /// <summary>Plain column names among the keys and INCLUDE columns (expressions are left out), unquoted.</summary>
    public static IEnumerable<string> PlainColumns(IndexCandidate candidate) =>
        candidate.Keys.Concat(candidate.Include)
            .Select(key => PlainColumn().Match(key))
            .Where(match => match.Success)
            .Select(match => Unquote(match.Groups["column"].Value));

    private static (string? Schema, string? Table) ResolveTable(string? schema, string table, CatalogSnapshot snapshot)
    {
        var matches = snapshot.Tables.Where(t => t.Name == table && (schema is null || t.Schema == schema)).ToList();
        var chosen = matches.Count == 1 ? matches[0] : matches.FirstOrDefault(t => t.Schema == "public");
        return (chosen?.Schema, chosen?.Name);
    }

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier.ToLowerInvariant();

    private static List<string> SplitTopLevel(string list)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        var quoted = false;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '\'' or '"':
                    quoted = !quoted;
                    break;
                case '(' when !quoted:
                    depth++;
                    break;
                case ')' when !quoted:
                    depth--;
                    break;
                case ',' when !quoted && depth == 0:
                    parts.Add(list[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        parts.Add(list[start..].Trim());
        return [.. parts.Where(part => part.Length > 0)];
    }

    private const string Identifier = @"(?:""(?:[^""]|"""")+""|[A-Za-z_][A-Za-z0-9_$]*)";
    private const string Balanced = @"(?:[^()]|(?<open>\()|(?<-open>\)))*(?(open)(?!))";

    [GeneratedRegex(
        @"^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:(?:IF\s+NOT\s+EXISTS\s+)?" + Identifier + @"\s+)?ON\s+(?:ONLY\s+)?" +
        @"(?:(?<schema>" + Identifier + @")\.)?(?<table>" + Identifier + @")\s*" +
        @"(?:USING\s+(?<method>[A-Za-z]+)\s*)?\((?<keys>" + Balanced + @")\)\s*" +
        @"(?:INCLUDE\s*\((?<include>" + Balanced + @")\)\s*)?" +
        @"(?:WHERE\s+(?<where>.+))?$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Statement();

    [GeneratedRegex(@"^(?<column>" + Identifier + @")(?:\s+(?:ASC|DESC|NULLS\s+FIRST|NULLS\s+LAST|COLLATE\s+\S+|[a-z_]+_ops))*$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainColumn();
}
