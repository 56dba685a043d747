using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// How a schema-only pg_dump is loaded: its session settings; the statements before the first
/// index (types, tables, functions, views), in order; the primary keys, unique and exclusion
/// constraints and indexes, which depend on nothing but their own table and may be built on
/// several sessions at once, as pg_restore -j does; and the rest (foreign keys, attachments,
/// triggers, comments), in order, once every index exists. Only pg_dump's own layout is read here:
/// a statement that does not match it keeps its place in the ordered part.
/// </summary>
internal sealed partial record DumpLoadPlan(
    IReadOnlyList<string> Settings,
    IReadOnlyList<string> Before,
    IReadOnlyList<(string Table, string Statement)> Indexes,
    IReadOnlyList<string> After)
{
    public static DumpLoadPlan Of(IReadOnlyList<string> statements)
    {
        var settings = new List<string>();
        var before = new List<string>();
        var indexes = new List<(string, string)>();
        var after = new List<string>();
        foreach (var statement in statements)
        {
            if (IndexTable(statement) is { } table)
            {
                indexes.Add((table, statement));
                continue;
            }

            if (indexes.Count == 0 && IsSetting(statement))
            {
                settings.Add(statement);
            }

            (indexes.Count == 0 ? before : after).Add(statement);
        }

        return new DumpLoadPlan(settings, before, indexes, after);
    }

    /// <summary>The index statements split into <paramref name="lanes"/> parts, every statement of one table in the same part.</summary>
    public IReadOnlyList<IReadOnlyList<string>> IndexLanes(int lanes) =>
        [.. Indexes.GroupBy(i => Lane(i.Table, lanes)).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)[.. g.Select(i => i.Statement)])];

    // A stable spread (string.GetHashCode differs between runs), so that a failure names the same statement each time.
    private static int Lane(string table, int lanes)
    {
        var hash = 0u;
        foreach (var c in table)
        {
            hash = (hash * 31) + c;
        }

        return (int)(hash % (uint)lanes);
    }

    private static string? IndexTable(string statement)
    {
        var match = IndexStatement().Match(statement);
        return match.Success ? match.Groups["table"].Value : null;
    }

    /// <summary>A session setting as pg_dump writes it at the head of a dump.</summary>
    public static bool IsSetting(string statement) =>
        statement.StartsWith("SET ", StringComparison.Ordinal) || statement.StartsWith("SELECT pg_catalog.set_config(", StringComparison.Ordinal);

    [GeneratedRegex(@"\A(?:CREATE (?:UNIQUE )?INDEX [^\s;]+ ON (?:ONLY )?(?<table>[^\s;]+) USING |ALTER TABLE ONLY (?<table>[^\s;]+)\s+ADD CONSTRAINT [^\s;]+ (?:PRIMARY KEY|UNIQUE|EXCLUDE)\b)")]
    private static partial Regex IndexStatement();
}
