using DbArchitect.Postgres.Advisor;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// Candidates whose benefits can depend on one another. Two candidates interact only through a
/// statement whose plan reads both their tables, so tables read together are joined into one
/// component; the workload's optimum is then the best combination of per-component choices, and
/// each component's subsets can be enumerated on their own.
/// </summary>
internal sealed record CandidateComponent(IReadOnlyList<IndexCandidate> Candidates, IReadOnlyList<int> Statements)
{
    /// <param name="candidates">The candidates hypopg can simulate.</param>
    /// <param name="tablesRead">Per workload statement, the qualified tables its plan reads; null where it could not be planned.</param>
    public static IReadOnlyList<CandidateComponent> Split(IReadOnlyList<IndexCandidate> candidates, IReadOnlyList<IReadOnlySet<string>?> tablesRead)
    {
        var tables = new TableSets();
        foreach (var read in tablesRead.OfType<IReadOnlySet<string>>().Where(read => read.Count > 0))
        {
            foreach (var table in read)
            {
                tables.Join(read.First(), table);
            }
        }

        var statementsByRoot = tablesRead
            .Select((read, index) => (read, index))
            .Where(pair => pair.read is { Count: > 0 })
            .ToLookup(pair => tables.Root(pair.read!.First()), pair => pair.index);
        return candidates
            .Where(candidate => tables.Contains(candidate.QualifiedTable))
            .GroupBy(candidate => tables.Root(candidate.QualifiedTable))
            .Select(group => new CandidateComponent(group.ToList(), statementsByRoot[group.Key].ToList()))
            .ToList();
    }

    /// <summary>Union-find over table names.</summary>
    private sealed class TableSets
    {
        private readonly Dictionary<string, string> parent = new(StringComparer.Ordinal);

        public bool Contains(string table) => parent.ContainsKey(table);

        public string Root(string table)
        {
            parent.TryAdd(table, table);
            while (parent[table] != table)
            {
                parent[table] = parent[parent[table]];
                table = parent[table];
            }

            return table;
        }

        public void Join(string first, string second) => parent[Root(first)] = Root(second);
    }
}
