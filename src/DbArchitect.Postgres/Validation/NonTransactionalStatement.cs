using System.Text.Json;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// The statements PostgreSQL refuses inside a transaction block (VACUUM, ALTER SYSTEM, CREATE/DROP
/// DATABASE, REINDEX SCHEMA/DATABASE/SYSTEM), and the replication-slot functions, which act on
/// cluster objects pg_dump does not copy. They cannot be tried and rolled back, so the server's
/// parser has read them, what the parser leaves to execution (VACUUM's option names, a setting's
/// name) is checked here, and the objects they name are looked up on the scratch database.
/// </summary>
internal static class NonTransactionalStatement
{
    // PostgreSQL 15's VACUUM options, plus 16's so that advice for newer targets is not refused.
    private static readonly HashSet<string> VacuumOptions = new(StringComparer.Ordinal)
    {
        "full", "freeze", "verbose", "analyze", "analyse", "disable_page_skipping", "skip_locked", "index_cleanup",
        "process_toast", "truncate", "parallel", "process_main", "buffer_usage_limit", "skip_database_stats",
        "only_database_stats",
    };

    private static readonly HashSet<string> WideReindex = new(StringComparer.Ordinal) { "REINDEX_OBJECT_SCHEMA", "REINDEX_OBJECT_DATABASE", "REINDEX_OBJECT_SYSTEM" };

    // The slot functions, and how many string arguments each takes (a physical slot's second, immediately_reserve, is a boolean).
    private static readonly Dictionary<string, (int Strings, int MostArguments)> SlotFunctions = new(StringComparer.Ordinal)
    {
        ["pg_drop_replication_slot"] = (1, 1),
        ["pg_create_physical_replication_slot"] = (1, 2),
        ["pg_create_logical_replication_slot"] = (2, 2),
    };

    public sealed record Verdict(string? Error, IReadOnlyList<string> Relations, IReadOnlyList<string> Schemas, string? Setting);

    /// <summary>Whether the statement, a parse tree node of <paramref name="type"/>, cannot run in a transaction.</summary>
    public static bool Is(string type, JsonElement node) => type switch
    {
        "VacuumStmt" => ParseTreeNodes.Flag(node, "is_vacuumcmd"),
        "AlterSystemStmt" or "CreatedbStmt" or "DropdbStmt" => true,
        "ReindexStmt" => WideReindex.Contains(node.GetProperty("kind").GetString() ?? ""),
        "SelectStmt" => SlotCalls(node).Any(),
        _ => false,
    };

    public static Verdict Check(string type, JsonElement node) => type switch
    {
        "VacuumStmt" => Vacuum(node),
        "AlterSystemStmt" => AlterSystem(node.GetProperty("setstmt")),
        "ReindexStmt" => node.GetProperty("kind").GetString() == "REINDEX_OBJECT_SCHEMA" && node.TryGetProperty("name", out var schema)
            ? new Verdict(null, [], [SqlIdentifier.Quote(schema.GetString() ?? "")], null)
            : Accepted,
        "SelectStmt" => SlotCalls(node).Where(call => !TakesSlotNames(call)).Select(call => ParseTreeCalls.Function(call)!.Name).FirstOrDefault() is { } wrong
            ? Rejected($"{wrong}() takes the slot's name as a quoted string")
            : Accepted,
        _ => Accepted,
    };

    private static Verdict Accepted { get; } = new(null, [], [], null);

    private static Verdict Vacuum(JsonElement node)
    {
        if (ClassifiedStatement.Options(node, "options").FirstOrDefault(option => !VacuumOptions.Contains(option)) is { } unknown)
        {
            return Rejected($"unrecognized VACUUM option \"{unknown}\"");
        }

        var relations = node.TryGetProperty("rels", out var rels)
            ? rels.EnumerateArray().Select(rel => Qualified(rel.GetProperty("VacuumRelation").GetProperty("relation"))).ToList()
            : [];
        return new Verdict(null, relations, [], null);
    }

    private static Verdict AlterSystem(JsonElement set)
    {
        // Settings of libraries the scratch server has not loaded (a name with a dot) cannot be looked up.
        var name = set.TryGetProperty("name", out var value) ? value.GetString() : null;
        return new Verdict(null, [], [], name is null || name.Contains('.', StringComparison.Ordinal) ? null : name);
    }

    private static IEnumerable<JsonElement> SlotCalls(JsonElement select) =>
        ParseTreeNodes.OfType(select, "FuncCall").Where(call => ParseTreeCalls.Function(call) is { } name && SlotFunctions.ContainsKey(name.Name));

    private static bool TakesSlotNames(JsonElement call)
    {
        var (strings, most) = SlotFunctions[ParseTreeCalls.Function(call)!.Name];
        var arguments = call.TryGetProperty("args", out var args) ? args.EnumerateArray().ToList() : [];
        return arguments.Count >= strings && arguments.Count <= most
            && arguments.Take(strings).All(argument => argument.TryGetProperty("A_Const", out var constant) && constant.TryGetProperty("sval", out _));
    }

    private static string Qualified(JsonElement rangeVar)
    {
        var name = SqlIdentifier.Quote(rangeVar.GetProperty("relname").GetString() ?? "");
        return rangeVar.TryGetProperty("schemaname", out var schema) ? $"{SqlIdentifier.Quote(schema.GetString() ?? "")}.{name}" : name;
    }

    private static Verdict Rejected(string message) => new(message, [], [], null);
}
