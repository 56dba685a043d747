using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// Gives every index of a recommendation set a name no other index of the set and no relation of
/// its schema (table, view, index, sequence) already holds, so that no CREATE INDEX meets an
/// existing name and is skipped or fails. A taken or over-long name gets a short hash of the
/// definition: stable from run to run, and different for different definitions.
/// </summary>
internal static class IndexNames
{
    private const int HashCharacters = 8;

    // The catalog's names, once per snapshot: a rule names an index per finding, and rebuilding the
    // set for each of 10,000 findings made the rules stage quadratic in the table count.
    private static readonly ConditionalWeakTable<CatalogSnapshot, HashSet<(string Schema, string Name)>> CatalogNames = new();

    public static IReadOnlyList<IndexCandidate> Assign(IReadOnlyList<IndexCandidate> indexes, CatalogSnapshot snapshot)
    {
        var catalog = CatalogNames.GetValue(snapshot, s => s.Tables.Select(t => (t.Schema, t.Name))
            .Concat(s.Indexes.Select(i => (i.Schema, i.Name)))
            .Concat(s.Sequences.Select(q => (q.Schema, q.Name)))
            .ToHashSet());
        var assigned = new HashSet<(string, string)>();
        bool Taken((string, string) name) => catalog.Contains(name) || assigned.Contains(name);

        var named = new List<IndexCandidate>();
        foreach (var index in indexes)
        {
            var name = index.Name;
            if (Taken((index.Schema, name)))
            {
                name = WithHash(index);
            }

            if (Taken((index.Schema, name)))
            {
                throw new InvalidOperationException($"two recommended indexes would both be called {name}: {index.Definition}");
            }

            assigned.Add((index.Schema, name));
            named.Add(index with { Name = name });
        }

        return named;
    }

    /// <summary>The conventional name with a hash of the definition, cut so that the whole stays within 63 bytes.</summary>
    public static string WithHash(IndexCandidate index)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(index.Shape)))[..HashCharacters];
        return ObjectNames.Derive(index.NameStem, hash, "idx");
    }
}
