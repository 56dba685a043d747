using System.Text.Json;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>
/// A schema-only pg_dump read statement by statement on the server's parser: which relation each
/// statement belongs to and which others it needs, so that a copy can take on only the relations a
/// check touches (<see cref="Closure"/>). pg_dump qualifies every name, so a name read here is
/// the relation the server would resolve.
/// </summary>
internal sealed class DumpedSchema
{
    private readonly Dictionary<RelationName, List<int>> _ownedBy = [];
    private readonly Dictionary<RelationName, List<int>> _mentionedBy = [];
    private readonly HashSet<RelationName> _inPartitionTrees = [];

    private DumpedSchema(IReadOnlyList<string> settings, IReadOnlyList<DumpedStatement> statements, IReadOnlyDictionary<RelationName, IReadOnlyList<DumpedColumn>> columns, IReadOnlyDictionary<RelationName, RelationName> indexTables)
    {
        Settings = settings;
        Statements = statements;
        Columns = columns;
        IndexTables = indexTables;
        foreach (var statement in statements)
        {
            if (statement.Owner is { } owner)
            {
                Add(_ownedBy, owner, statement.Order);
            }

            foreach (var mentioned in statement.Mentions)
            {
                Add(_mentionedBy, mentioned, statement.Order);
            }

            if (statement is { Role: DumpedRole.Attach or DumpedRole.Child, Owner: { } member })
            {
                _inPartitionTrees.Add(member);
                _inPartitionTrees.UnionWith(statement.Mentions);
            }
        }
    }

    /// <summary>The dump's session settings (search_path and the like), which every loading session runs first.</summary>
    public IReadOnlyList<string> Settings { get; }

    /// <summary>Every other statement, in the dump's order (<see cref="DumpedStatement.Order"/> is the index).</summary>
    public IReadOnlyList<DumpedStatement> Statements { get; }

    /// <summary>The columns of each plain table (neither partitioned nor a partition or inheritance child) the dump defines.</summary>
    public IReadOnlyDictionary<RelationName, IReadOnlyList<DumpedColumn>> Columns { get; }

    /// <summary>The table of each index, key and unique constraint the dump builds.</summary>
    public IReadOnlyDictionary<RelationName, RelationName> IndexTables { get; }

    public static DumpedSchema Read(IReadOnlyList<string> dump)
    {
        var settings = dump.TakeWhile(DumpLoadPlan.IsSetting).ToList();
        var body = dump.Skip(settings.Count).ToList();

        // Parsing is most of the time on a large dump, and each statement is read on its own.
        var parsed = new ParsedStatement[body.Count];
        Parallel.For(0, body.Count, i => parsed[i] = Parse(body[i]));

        var columns = new Dictionary<RelationName, IReadOnlyList<DumpedColumn>>();
        var indexTables = new Dictionary<RelationName, RelationName>();
        foreach (var statement in parsed)
        {
            if (statement.Columns is { } list && statement.Owner is { } table)
            {
                columns[table] = list;
            }

            foreach (var index in statement.Indexes)
            {
                indexTables[index.Index] = index.Table;
            }
        }

        // An index's statements (ALTER INDEX … ATTACH PARTITION, COMMENT ON INDEX) belong to its table,
        // and only what the dump defines is a relation a copy can take on.
        var defined = parsed.Where(p => p.Defines).Select(p => p.Owner!.Value).Concat(indexTables.Keys).ToHashSet();
        RelationName Table(RelationName name) => indexTables.GetValueOrDefault(name, name);
        var statements = new List<DumpedStatement>(parsed.Length);
        foreach (var statement in parsed)
        {
            var mentions = statement.Mentions.Where(defined.Contains).Select(Table).Distinct().ToList();
            var (role, owner) = (statement.Role, statement.Owner is { } own ? Table(own) : (RelationName?)null);
            if (role == DumpedRole.Base && mentions.Count > 0)
            {
                // Belongs to no relation but needs one (a function over a table's row type): it comes with the first.
                (role, owner) = (DumpedRole.Part, mentions[0]);
                mentions.RemoveAt(0);
            }

            statements.Add(new DumpedStatement(statements.Count, statement.Sql, role, owner, [.. mentions.Where(m => m != owner)]));
        }

        return new DumpedSchema(settings, statements, columns, indexTables);
    }

    /// <summary>One statement as its parse tree reads, before index names are resolved to their tables.</summary>
    private sealed record ParsedStatement(
        string Sql, DumpedRole Role, RelationName? Owner, List<RelationName> Mentions, IReadOnlyList<DumpedColumn>? Columns, List<(RelationName Index, RelationName Table)> Indexes)
    {
        /// <summary>It creates its owner: a table, view, materialized view, sequence.</summary>
        public bool Defines { get; init; }
    }

    private static readonly HashSet<string> Defining = new(StringComparer.Ordinal) { "CreateStmt", "CreateForeignTableStmt", "ViewStmt", "CreateTableAsStmt", "CreateSeqStmt" };

    private static ParsedStatement Parse(string sql)
    {
        using var tree = PgQuery.TryParse(sql);
        if (tree is null || StatementNode.Single(tree) is not { } node)
        {
            return new ParsedStatement(sql, DumpedRole.Base, null, [], null, []);
        }

        var (role, owner) = Ownership(node.Name, node.Value);
        var mentions = DumpedNames.Of(node.Value).Where(name => name != owner).Distinct().ToList();
        // Only a plain table's columns are kept: a statement on a partitioned or inheriting table acts on
        // more than the table (CONCURRENTLY is refused on a partitioned one), so none is proven by analogy.
        var plain = node.Name == "CreateStmt" && !node.Value.TryGetProperty("partspec", out _) && !node.Value.TryGetProperty("inhRelations", out _);
        var columns = plain && node.Value.TryGetProperty("tableElts", out var elements) ? DumpedNames.Columns(elements) : null;
        return new ParsedStatement(sql, role, owner, mentions, columns, [.. DumpedNames.IndexesBuilt(node.Name, node.Value)])
        {
            Defines = owner is not null && Defining.Contains(node.Name),
        };
    }

    /// <summary>
    /// What a copy must hold so that statements naming <paramref name="requested"/> run there as on
    /// the whole schema: each requested relation whole, with the views over it (and over those) and
    /// the foreign keys that point at it; a partition tree whole, parent and partitions together
    /// (a partition attached after its parent's keys were built would get them twice); and every
    /// relation those need, without its own foreign keys, so the closure stays small.
    /// </summary>
    /// <returns>The statements to load, in the dump's order, none of <paramref name="loaded"/>.</returns>
    public IReadOnlyList<DumpedStatement> Closure(IEnumerable<RelationName> requested, IReadOnlySet<int> loaded)
    {
        var whole = new HashSet<RelationName>();
        var supporting = new HashSet<RelationName>();
        var chosen = new SortedSet<int>();
        var pending = new Stack<RelationName>(requested.Select(name => IndexTables.GetValueOrDefault(name, name)));
        var needed = new Stack<RelationName>();
        while (pending.Count > 0 || needed.Count > 0)
        {
            while (pending.TryPop(out var relation))
            {
                if (whole.Add(relation))
                {
                    TakeWhole(relation, chosen, pending, needed);
                }
            }

            while (needed.TryPop(out var relation))
            {
                if (whole.Contains(relation))
                {
                    continue;
                }

                if (_inPartitionTrees.Contains(relation))
                {
                    pending.Push(relation);
                }
                else if (supporting.Add(relation))
                {
                    TakeSupporting(relation, chosen, needed);
                }
            }
        }

        return [.. chosen.Where(order => !loaded.Contains(order)).Select(order => Statements[order])];
    }

    private void TakeWhole(RelationName relation, SortedSet<int> chosen, Stack<RelationName> pending, Stack<RelationName> needed)
    {
        foreach (var order in _ownedBy.GetValueOrDefault(relation, []))
        {
            chosen.Add(order);
            var statement = Statements[order];
            foreach (var mentioned in statement.Mentions)
            {
                (statement.Role is DumpedRole.Attach or DumpedRole.Child ? pending : needed).Push(mentioned);
            }
        }

        foreach (var order in _mentionedBy.GetValueOrDefault(relation, []))
        {
            var statement = Statements[order];
            switch (statement.Role)
            {
                case DumpedRole.View or DumpedRole.Child or DumpedRole.Attach when statement.Owner is { } dependent:
                    pending.Push(dependent);
                    break;
                case DumpedRole.ForeignKey when statement.Owner is { } referencing:
                    chosen.Add(order);
                    needed.Push(referencing);
                    foreach (var other in statement.Mentions)
                    {
                        needed.Push(other);
                    }

                    break;
            }
        }
    }

    private void TakeSupporting(RelationName relation, SortedSet<int> chosen, Stack<RelationName> needed)
    {
        foreach (var order in _ownedBy.GetValueOrDefault(relation, []))
        {
            var statement = Statements[order];
            if (statement.Role == DumpedRole.ForeignKey)
            {
                continue;
            }

            chosen.Add(order);
            foreach (var mentioned in statement.Mentions)
            {
                needed.Push(mentioned);
            }
        }
    }

    /// <summary>A table the dump defines on its own: neither partitioned, nor a partition, nor in an inheritance tree.</summary>
    public bool IsPlainTable(RelationName name) => Columns.ContainsKey(name) && !_inPartitionTrees.Contains(name);

    /// <summary>Whether the dump defines a relation of this name (a table, view, sequence or index).</summary>
    public bool Defines(RelationName name) => _ownedBy.ContainsKey(name) || IndexTables.ContainsKey(name);

    private static (DumpedRole Role, RelationName? Owner) Ownership(string type, JsonElement node) => type switch
    {
        "CreateStmt" => (node.TryGetProperty("inhRelations", out _) ? DumpedRole.Child : DumpedRole.Part, DumpedNames.Relation(node.GetProperty("relation"))),
        "CreateForeignTableStmt" => (DumpedRole.Part, DumpedNames.Relation(node.GetProperty("base").GetProperty("relation"))),
        "ViewStmt" => (DumpedRole.View, DumpedNames.Relation(node.GetProperty("view"))),
        "CreateTableAsStmt" => (DumpedRole.View, DumpedNames.Relation(node.GetProperty("into").GetProperty("rel"))),
        "CreateSeqStmt" => (DumpedRole.Part, DumpedNames.Relation(node.GetProperty("sequence"))),
        "AlterSeqStmt" => (DumpedRole.Part, DumpedNames.Relation(node.GetProperty("sequence"))),
        "IndexStmt" or "CreateTrigStmt" or "RuleStmt" => (DumpedRole.Part, DumpedNames.Relation(node.GetProperty("relation"))),
        "CreatePolicyStmt" => (DumpedRole.Part, DumpedNames.Relation(node.GetProperty("table"))),
        "AlterTableStmt" => (AlterTableRole(node), DumpedNames.Relation(node.GetProperty("relation"))),
        "CommentStmt" => (DumpedRole.Part, DumpedNames.Commented(node)),
        _ => (DumpedRole.Base, null),
    } is (var role, { } owner) ? (role, owner) : (DumpedRole.Base, null);

    private static DumpedRole AlterTableRole(JsonElement node)
    {
        var commands = node.GetProperty("cmds").EnumerateArray().Select(c => c.GetProperty("AlterTableCmd")).ToList();
        // A partition's index attaches to its parent's only once the partition itself is attached, so both go together.
        if (commands.Any(c => c.GetProperty("subtype").GetString() == "AT_AttachPartition"))
        {
            return DumpedRole.Attach;
        }

        return commands.Any(c => c.TryGetProperty("def", out var def) && def.TryGetProperty("Constraint", out var constraint) && constraint.GetProperty("contype").GetString() == "CONSTR_FOREIGN")
            ? DumpedRole.ForeignKey
            : DumpedRole.Part;
    }

    private static void Add(Dictionary<RelationName, List<int>> map, RelationName key, int order)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(order);
    }
}
