using System.Text.Json;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Validation.OnDemand;

namespace DbArchitect.Postgres.Validation;

/// <summary>One statement of an item as the server's parser reads it, with what the scratch checker does with it.</summary>
/// <param name="Text">The statement as written, for messages.</param>
/// <param name="Treatment">How it is proven.</param>
/// <param name="Concurrent">It says CONCURRENTLY, which a transaction refuses and which changes only how the server locks.</param>
/// <param name="OutsideTransaction">For a statement that cannot run in a transaction, what it names and whether it is well formed.</param>
internal sealed record ClassifiedStatement(string Text, StatementTreatment Treatment, bool Concurrent, NonTransactionalStatement.Verdict? OutsideTransaction)
{
    /// <summary>What runs inside the checker's transaction: the statement without CONCURRENTLY (cut when asked for: most statements of a large script are never run).</summary>
    public string Runnable => Concurrent ? WithoutConcurrently(Text) : Text;

    /// <summary>The relations it names (a name without a schema taken to be in public): what a copy made on demand must hold for it.</summary>
    public IReadOnlyList<RelationName> Relations { get; init; } = [];

    /// <summary>The one relation it makes, removes or renames, when that is all it does.</summary>
    public ShapedChange? Change { get; init; }

    private static readonly HashSet<string> TransactionEnds = new(StringComparer.Ordinal)
    {
        "TRANS_STMT_BEGIN", "TRANS_STMT_START", "TRANS_STMT_COMMIT", "TRANS_STMT_ROLLBACK", "TRANS_STMT_PREPARE",
        "TRANS_STMT_COMMIT_PREPARED", "TRANS_STMT_ROLLBACK_PREPARED",
    };

    private static readonly HashSet<string> Parameterisable = new(StringComparer.Ordinal) { "SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt" };

    public static ClassifiedStatement Of(string statement)
    {
        using var tree = PgQuery.TryParse(statement);
        if (tree is null || StatementNode.Single(tree) is not { } type)
        {
            return new ClassifiedStatement(statement, StatementTreatment.Runs, false, null);
        }

        var treatment = TreatmentOf(type.Name, type.Value);
        return new ClassifiedStatement(
            statement,
            treatment,
            IsConcurrent(type.Name, type.Value),
            treatment == StatementTreatment.OutsideTransaction ? NonTransactionalStatement.Check(type.Name, type.Value) : null)
        {
            Relations = [.. DumpedNames.Of(type.Value, "public").Concat(Dropped(type.Name, type.Value)).Distinct()],
            Change = ShapedChange.Of(type.Name, type.Value),
        };
    }

    /// <summary>What a DROP or COMMENT ON names, which is a list of names and no RangeVar.</summary>
    private static IEnumerable<RelationName> Dropped(string type, JsonElement node)
    {
        var lists = type switch
        {
            "DropStmt" => node.GetProperty("objects").EnumerateArray().ToList(),
            "CommentStmt" when node.TryGetProperty("object", out var target) => [target],
            _ => [],
        };
        foreach (var list in lists)
        {
            if (!list.TryGetProperty("List", out var names))
            {
                continue;
            }

            var parts = ParseTreeNodes.Strings(names.GetProperty("items"));
            // schema.relation, relation alone, or schema.relation.part (a column, a constraint).
            if (parts.Count is 2 or 3)
            {
                yield return new RelationName(parts[0], parts[1]);
            }

            if (parts.Count == 1)
            {
                yield return new RelationName("public", parts[0]);
            }
        }
    }

    private static StatementTreatment TreatmentOf(string type, JsonElement node) => type switch
    {
        "TransactionStmt" when TransactionEnds.Contains(node.GetProperty("kind").GetString() ?? "") => StatementTreatment.TransactionControl,
        "CopyStmt" when ParseTreeNodes.Flag(node, "is_program") => StatementTreatment.ProgramCopy,
        "CopyStmt" when !node.TryGetProperty("filename", out _) => StatementTreatment.ClientCopy,
        _ when NonTransactionalStatement.Is(type, node) => StatementTreatment.OutsideTransaction,
        _ when Parameterisable.Contains(type) && ParseTreeNodes.OfType(node, "ParamRef").Any(p => p.TryGetProperty("number", out _)) => StatementTreatment.Parameterised,
        _ => StatementTreatment.Runs,
    };

    private static bool IsConcurrent(string type, JsonElement node) => type switch
    {
        "IndexStmt" or "DropStmt" => ParseTreeNodes.Flag(node, "concurrent"),
        "ReindexStmt" => Options(node, "params").Contains("concurrently"),
        "AlterTableStmt" => ParseTreeNodes.OfType(node, "PartitionCmd").Any(command => ParseTreeNodes.Flag(command, "concurrent")),
        _ => false,
    };

    /// <summary>
    /// The statement with its CONCURRENTLY keyword cut out, and the comma or the parentheses of a
    /// REINDEX option list that would be left without it.
    /// </summary>
    private static string WithoutConcurrently(string statement)
    {
        var tokens = PgQuery.Scan(statement).Where(token => !token.IsComment).ToList();
        var at = tokens.FindIndex(token => token.Keyword != KeywordKind.None && token.Text.Equals("CONCURRENTLY", StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            return statement;
        }

        string Text(int i) => i >= 0 && i < tokens.Count ? tokens[i].Text : "";
        var (from, to) = (Text(at - 1), Text(at + 1)) switch
        {
            ("(", ")") => (tokens[at - 1].Start, tokens[at + 1].Start + 1),
            (_, ",") => (tokens[at].Start, tokens[at + 2].Start),
            (",", _) => (tokens[at - 1].Start, tokens[at].Start + tokens[at].Length),
            _ => (at > 0 ? tokens[at - 1].Start + tokens[at - 1].Length : 0, tokens[at].Start + tokens[at].Length),
        };
        return string.Concat(statement.AsSpan(0, from), statement.AsSpan(to));
    }

    /// <summary>The names of a DefElem option list (lower case, as the parser folds them).</summary>
    internal static List<string> Options(JsonElement node, string list) =>
        node.TryGetProperty(list, out var options)
            ? [.. options.EnumerateArray().Select(option => option.GetProperty("DefElem").GetProperty("defname").GetString() ?? "")]
            : [];
}
