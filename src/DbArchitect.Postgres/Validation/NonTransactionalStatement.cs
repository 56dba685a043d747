using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// Strict patterns for the statements PostgreSQL refuses inside a transaction block (VACUUM,
/// ALTER SYSTEM, CREATE/DROP DATABASE, REINDEX SCHEMA/DATABASE/SYSTEM). They cannot be tried and
/// rolled back, so their grammar is checked here and the objects they name are looked up on the
/// scratch database instead.
/// </summary>
internal static partial class NonTransactionalStatement
{
    private const string Identifier = @"(?:""(?:[^""]|"""")+""|[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_$\u0080-\uFFFF]*)";
    private const string QualifiedName = Identifier + @"(?:\s*\.\s*" + Identifier + "){0,2}";
    private const string Table = "(?<table>" + QualifiedName + @")(?:\s*\(\s*" + Identifier + @"(?:\s*,\s*" + Identifier + @")*\s*\))?";

    // PostgreSQL 15's VACUUM options, plus 16's so that advice for newer targets is not refused.
    private static readonly HashSet<string> VacuumOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "FULL", "FREEZE", "VERBOSE", "ANALYZE", "DISABLE_PAGE_SKIPPING", "SKIP_LOCKED", "INDEX_CLEANUP",
        "PROCESS_TOAST", "TRUNCATE", "PARALLEL", "PROCESS_MAIN", "BUFFER_USAGE_LIMIT", "SKIP_DATABASE_STATS",
        "ONLY_DATABASE_STATS",
    };

    /// <summary>What a pattern-checked statement needs from the scratch database.</summary>
    public sealed record Verdict(string? Error, IReadOnlyList<string> Relations, IReadOnlyList<string> Schemas, string? Setting);

    public static Verdict Check(string statement)
    {
        if (Vacuum().Match(statement) is { Success: true } vacuum)
        {
            var unknown = vacuum.Groups["options"].Success
                ? vacuum.Groups["options"].Value.Split(',').Select(o => o.Trim().Split(' ', 2)[0]).FirstOrDefault(o => !VacuumOptions.Contains(o))
                : null;
            return unknown is null
                ? new Verdict(null, Captures(vacuum, "table"), [], null)
                : Rejected($"unrecognized VACUUM option \"{unknown}\"");
        }

        if (AlterSystem().Match(statement) is { Success: true } alterSystem)
        {
            var name = alterSystem.Groups["name"].Value;
            // Settings of libraries the scratch server has not loaded (name with a dot) cannot be looked up.
            var lookUp = !name.Equals("ALL", StringComparison.OrdinalIgnoreCase) && !name.Contains('.', StringComparison.Ordinal);
            return new Verdict(null, [], [], lookUp ? name.ToLowerInvariant() : null);
        }

        if (CreateDatabase().IsMatch(statement) || DropDatabase().IsMatch(statement))
        {
            return new Verdict(null, [], [], null);
        }

        if (ReplicationSlot().IsMatch(statement))
        {
            return new Verdict(null, [], [], null);
        }

        if (ReindexWide().Match(statement) is { Success: true } reindex)
        {
            var schema = reindex.Groups["kind"].Value.Equals("SCHEMA", StringComparison.OrdinalIgnoreCase) ? Captures(reindex, "name") : [];
            return reindex.Groups["kind"].Value.Equals("SCHEMA", StringComparison.OrdinalIgnoreCase) && schema.Count == 0
                ? Rejected("REINDEX SCHEMA needs a schema name")
                : new Verdict(null, [], schema, null);
        }

        return Rejected("not a well-formed statement (it cannot run inside a transaction, so it was checked by pattern, not by the server)");
    }

    private static Verdict Rejected(string message) => new(message, [], [], null);

    private static List<string> Captures(Match match, string group) =>
        match.Groups[group].Captures.Select(c => c.Value).ToList();

    [GeneratedRegex(@"^VACUUM(?:\s*\((?<options>[^()]*)\))?(?:\s+(?:FULL|FREEZE|VERBOSE|ANALYZE|ANALYSE)\b)*(?:\s+" + Table + @"(?:\s*,\s*" + Table + @")*)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Vacuum();

    [GeneratedRegex(@"^ALTER\s+SYSTEM\s+(?:SET\s+(?<name>[A-Za-z_][A-Za-z0-9_.]*)\s*(?:=|\s+TO\s+)\s*\S.*|RESET\s+(?<name>[A-Za-z_][A-Za-z0-9_.]*))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AlterSystem();

    [GeneratedRegex(@"^CREATE\s+DATABASE\s+" + Identifier + @"(?:\s+(?:WITH\s+)?(?:[A-Za-z_]+\s*=?\s*(?:'(?:[^']|'')*'|[A-Za-z0-9_""-]+)\s*)*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateDatabase();

    [GeneratedRegex(@"^DROP\s+DATABASE\s+(?:IF\s+EXISTS\s+)?" + Identifier + @"(?:\s*(?:WITH\s*)?\(\s*FORCE\s*\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DropDatabase();

    [GeneratedRegex(@"^SELECT\s+pg_(?:drop_replication_slot\s*\(\s*'[A-Za-z0-9_]+'\s*\)|create_physical_replication_slot\s*\(\s*'[A-Za-z0-9_]+'\s*(?:,\s*(?:true|false)\s*)?\)|create_logical_replication_slot\s*\(\s*'[A-Za-z0-9_]+'\s*,\s*'[A-Za-z0-9_]+'\s*\))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplicationSlot();

    [GeneratedRegex(@"^REINDEX(?:\s*\([^()]*\))?\s+(?<kind>SCHEMA|DATABASE|SYSTEM)(?:\s+CONCURRENTLY)?(?:\s+(?<name>" + Identifier + @"))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReindexWide();
}
