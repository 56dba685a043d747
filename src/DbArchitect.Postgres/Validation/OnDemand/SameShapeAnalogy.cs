namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>
/// A script of thousands of same-shape statements (an index or a rename per table, the one item a
/// schema-wide finding collapses into) is proven by running a spread of each shape's statements;
/// the rest are accepted by analogy when the dump shows they cannot fare differently: what they
/// drop or rename exists, the name they make is free, and an index's columns exist with the types
/// they have in the statements that ran. Only statements on plain tables may be analogies (a
/// partitioned table's index acts on its partitions). Every other statement runs, and so does every
/// statement on a table that a run statement works on, so the copy and the analogy never share a table.
/// </summary>
internal static class SameShapeAnalogy
{
    /// <summary>Below this many statements a block runs whole: it costs less than a second.</summary>
    public const int LargeBlock = 200;

    /// <summary>How many statements of one shape run.</summary>
    public const int RunsPerShape = 16;

    /// <returns>The statements to run, in order, and how many were accepted by analogy instead.</returns>
    public static (IReadOnlyList<ClassifiedStatement> Run, int ByAnalogy) Choose(IReadOnlyList<ClassifiedStatement> statements, DumpedSchema schema)
    {
        if (statements.Count < LargeBlock)
        {
            return (statements, 0);
        }

        var sampled = Sampled(statements);
        var types = SampledTypes(statements, sampled, schema);
        var touched = new HashSet<RelationName>();
        HashSet<int>? byAnalogy;
        do
        {
            byAnalogy = Pass(statements, schema, sampled, touched, types);
        }
        while (byAnalogy is null);

        return ([.. statements.Where((_, i) => !byAnalogy.Contains(i))], byAnalogy.Count);
    }

    /// <summary>One pass in the script's order over the names that exist, whichever way each statement is proven.</summary>
    /// <returns>The statements accepted by analogy; null when tables joined <paramref name="touched"/>, so the pass is made again.</returns>
    private static HashSet<int>? Pass(IReadOnlyList<ClassifiedStatement> statements, DumpedSchema schema, HashSet<int> sampled, HashSet<RelationName> touched, Dictionary<string, HashSet<string>[]> types)
    {
        var names = new AnalogyNames(schema);
        var byAnalogy = new HashSet<int>();
        var producedByRun = new HashSet<RelationName>();
        var grew = false;
        for (var i = 0; i < statements.Count; i++)
        {
            var change = statements[i].Change;
            var table = change is null ? null : names.TableOf(change);
            var mayAnalogise = change is not null && !sampled.Contains(i)
                && !(change.Consumes is { } consumed && producedByRun.Contains(consumed))
                && table is { } t && !touched.Contains(t) && schema.IsPlainTable(t)
                && names.Allows(change) && (change.On is null || SameTypes(change, schema, types));
            if (mayAnalogise)
            {
                byAnalogy.Add(i);
                names.Apply(change!);
                continue;
            }

            // It runs, so the tables it works on must be on the copy whole, and no statement on them may be an analogy.
            foreach (var relation in change is null ? statements[i].Relations.Select(names.Identity) : table is { } own ? [own] : [])
            {
                grew |= touched.Add(relation);
            }

            if (change is not null)
            {
                names.Apply(change);
                if (change.Produces is { } produced)
                {
                    producedByRun.Add(produced);
                }
            }
        }

        return grew ? null : byAnalogy;
    }

    /// <summary>
    /// A spread of each large shape, first and last included. A statement on a name the script
    /// made earlier (the DROP of its own index, a rename back) goes with the statement that made it,
    /// so only statements on the dump's own relations are sampled.
    /// </summary>
    private static HashSet<int> Sampled(IReadOnlyList<ClassifiedStatement> statements)
    {
        var producedEarlier = new HashSet<RelationName>();
        var onTheDump = new List<(ShapedChange Change, int Index)>();
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].Change is not { } change)
            {
                continue;
            }

            if (!(change.Consumes is { } consumed && producedEarlier.Contains(consumed)))
            {
                onTheDump.Add((change, i));
            }

            if (change.Produces is { } produced)
            {
                producedEarlier.Add(produced);
            }
        }

        var sampled = new HashSet<int>();
        var shapes = onTheDump.GroupBy(s => s.Change.Shape);
        foreach (var shape in shapes)
        {
            var members = shape.Select(s => s.Index).ToList();
            if (members.Count < 2 * RunsPerShape)
            {
                sampled.UnionWith(members);
                continue;
            }

            for (var k = 0; k < RunsPerShape; k++)
            {
                sampled.Add(members[(int)((long)k * (members.Count - 1) / (RunsPerShape - 1))]);
            }
        }

        return sampled;
    }

    /// <summary>Per CREATE INDEX shape, the column types at each position among the statements that run.</summary>
    private static Dictionary<string, HashSet<string>[]> SampledTypes(IReadOnlyList<ClassifiedStatement> statements, HashSet<int> sampled, DumpedSchema schema)
    {
        var types = new Dictionary<string, HashSet<string>[]>(StringComparer.Ordinal);
        foreach (var i in sampled)
        {
            if (statements[i].Change is not { On: not null } change || ColumnTypes(change, schema) is not { } columns)
            {
                continue;
            }

            if (!types.TryGetValue(change.Shape, out var positions))
            {
                types[change.Shape] = positions = [.. columns.Select(_ => new HashSet<string>(StringComparer.Ordinal))];
            }

            for (var p = 0; p < columns.Count && p < positions.Length; p++)
            {
                positions[p].Add(columns[p]);
            }
        }

        return types;
    }

    private static bool SameTypes(ShapedChange change, DumpedSchema schema, Dictionary<string, HashSet<string>[]> types) =>
        types.TryGetValue(change.Shape, out var positions) && ColumnTypes(change, schema) is { } columns
        && columns.Count == positions.Length && columns.Select((type, p) => positions[p].Contains(type)).All(same => same);

    /// <summary>The types of a CREATE INDEX's columns on its table; null when the dump does not list them all.</summary>
    private static List<string>? ColumnTypes(ShapedChange change, DumpedSchema schema)
    {
        if (change.On is not { } table || !schema.Columns.TryGetValue(table, out var columns))
        {
            return null;
        }

        var types = change.Columns.Select(name => columns.FirstOrDefault(column => column.Name == name)?.Type).ToList();
        return types.All(type => type is not null) ? [.. types.Select(type => type!)] : null;
    }
}
