using DbArchitect.Core.Findings;
using DbArchitect.Core.Migrations;

namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// Static lint of migration chains on the server's parser: each migration's up, statement by
/// statement, with what came before it (an open transaction, a lock timeout, the relations this
/// migration and the earlier ones created), through every <see cref="IMigrationRule"/>.
/// </summary>
public sealed class MigrationLinter(IReadOnlyList<IMigrationRule>? rules = null)
{
    // Statements that read or move data, or set the session up: everything else changes the schema.
    private static readonly HashSet<string> NotSchemaChanges = new(StringComparer.Ordinal)
    {
        "SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "VariableSetStmt", "TransactionStmt", "DoStmt", "CopyStmt", "ExplainStmt", "NotifyStmt", "LockStmt",
    };

    private readonly IReadOnlyList<IMigrationRule> _rules = rules ?? MigrationRules.All;

    public LintReport Lint(string root, IReadOnlyList<MigrationChain> chains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chains);
        var findings = new List<LintFinding>();
        var notAnalysed = new List<NotAnalysed>();
        var read = 0;
        foreach (var chain in chains)
        {
            var parsed = chain.Migrations.Select(m => ScriptParser.Parse(m.Up)).ToList();
            var creations = new ChainCreations(parsed.Select(p => p.Statements.SelectMany(s => CreatedRelations.Of(s.Type, s.Node))));
            for (var i = 0; i < chain.Migrations.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var migration = chain.Migrations[i];
                var (statements, refused) = parsed[i];
                notAnalysed.AddRange(refused);
                notAnalysed.AddRange(migration.Unread);
                read += statements.Count + refused.Count;
                var runsInTransaction = migration.RunsInTransaction
                    && !(migration.Convention == MigrationConvention.Flyway && ConcurrentStatements.FlywayRunsWithoutTransaction(statements));
                var state = new WalkState { InTransaction = runsInTransaction };
                var changesSchema = statements.Any(s => !NotSchemaChanges.Contains(s.Type));

                // One statement through the rules, with what came before it; a DO block's own statements
                // follow it, in its transaction (a BEGIN there opens a PL/pgSQL block, not a transaction).
                void Lint(ParsedStatement parsed, int line, bool isFirst, bool inBlock)
                {
                    var statement = new MigrationStatement
                    {
                        Migration = migration, Line = line, Text = parsed.Text, Type = parsed.Type, Node = parsed.Node,
                        InTransaction = state.InTransaction, LockTimeoutSet = state.LockTimeoutSet, CreatedHere = state.CreatedHere, NotNullChecked = state.NotNullChecked,
                        IsFirst = isFirst, MigrationChangesSchema = changesSchema, Chain = creations, MigrationIndex = i,
                    };
                    state.Before(statement, inBlock);
                    findings.AddRange(_rules.SelectMany(rule => rule.Evaluate(statement)).Select(f => new LintFinding(f, migration.Up.Path, line, migration.Label)));
                    state.After(statement);
                    if (statement.Type == "DoStmt")
                    {
                        var (inner, unread) = DoBlocks.Read(parsed, line);
                        notAnalysed.AddRange(unread.Select(u => new NotAnalysed(migration.Up.Path, u.Line, u.Reason)));
                        read += inner.Count;
                        foreach (var (embedded, at) in inner)
                        {
                            Lint(embedded, at, isFirst: false, inBlock: true);
                        }
                    }
                }

                for (var n = 0; n < statements.Count; n++)
                {
                    Lint(statements[n], ScriptParser.LineOf(migration.Up, statements[n].Offset), isFirst: n == 0, inBlock: false);
                }
            }
        }

        return new LintReport
        {
            Root = root,
            Chains = chains,
            Findings = [.. findings.DistinctBy(f => f.Finding.Key).OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line)],
            StatementsRead = read,
            NotAnalysed = notAnalysed,
        };
    }

    /// <summary>What the statements so far in one migration have set up.</summary>
    private sealed class WalkState
    {
        private readonly Dictionary<string, string> _pendingChecks = new(StringComparer.Ordinal);

        public bool InTransaction { get; set; }

        public bool LockTimeoutSet { get; private set; }

        public HashSet<string> CreatedHere { get; } = new(StringComparer.Ordinal);

        public HashSet<string> NotNullChecked { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// A BEGIN opens the transaction the statement itself runs in; a SET applies to it. A SET in a DO
        /// block is the session's too, so it counts there and for every statement after the block.
        /// </summary>
        public void Before(MigrationStatement statement, bool inBlock)
        {
            if (statement.Type == "TransactionStmt" && !inBlock)
            {
                InTransaction = MigrationStatement.StringOf(statement.Node, "kind") is "TRANS_STMT_BEGIN" or "TRANS_STMT_START";
            }
            else if (LockTimeoutSetting.Of(statement) is { } limited)
            {
                LockTimeoutSet = limited;
            }
        }

        public void After(MigrationStatement statement)
        {
            CreatedHere.UnionWith(CreatedRelations.Of(statement));
            foreach (var command in AlterCommands.Of(statement, "AT_AddConstraint", "AT_ValidateConstraint"))
            {
                var table = AlterCommands.Table(statement);
                if (MigrationStatement.StringOf(command, "subtype") == "AT_ValidateConstraint")
                {
                    if (MigrationStatement.StringOf(command, "name") is { } name && _pendingChecks.Remove(name, out var column))
                    {
                        NotNullChecked.Add(column);
                    }
                }
                else if (AlterCommands.AddedConstraint(command) is { } constraint && NotNullCheckColumn(constraint) is { } checkedColumn)
                {
                    if (MigrationStatement.Flag(constraint, "skip_validation"))
                    {
                        _pendingChecks[MigrationStatement.StringOf(constraint, "conname") ?? ""] = $"{table}.{checkedColumn}";
                    }
                    else
                    {
                        NotNullChecked.Add($"{table}.{checkedColumn}");
                    }
                }
            }
        }

        /// <summary>The column of a <c>CHECK (column IS NOT NULL)</c>.</summary>
        private static string? NotNullCheckColumn(System.Text.Json.JsonElement constraint) =>
            MigrationStatement.StringOf(constraint, "contype") == "CONSTR_CHECK"
            && constraint.TryGetProperty("raw_expr", out var expression)
            && expression.TryGetProperty("NullTest", out var test)
            && MigrationStatement.StringOf(test, "nulltesttype") == "IS_NOT_NULL"
            && test.GetProperty("arg").TryGetProperty("ColumnRef", out var reference)
                ? MigrationStatement.Items(reference, "fields").Last().GetProperty("String").GetProperty("sval").GetString()
                : null;
    }
}
