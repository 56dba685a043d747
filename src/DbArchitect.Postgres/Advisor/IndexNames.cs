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

    public static IReadOnlyList<IndexCandidate> Assign(IReadOnlyList<IndexCandidate> indexes, CatalogSnapshot snapshot)
    {
        var taken = snapshot.Tables.Select(t => (t.Schema, t.Name))
            .Concat(snapshot.Indexes.Select(i => (i.Schema, i.Name)))
            .Concat(snapshot.Sequences.Select(s => (s.Schema, s.Name)))
            .ToHashSet();
        var named = new List<IndexCandidate>();
        foreach (var index in indexes)
        {
            var name = index.Name;
            if (taken.Contains((index.Schema, name)))
            {
                name = WithHash(index);
            }

            if (!taken.Add((index.Schema, name)))
            {
                throw new InvalidOperationException($"two recommended indexes would both be called {name}: {index.Definition}");
            }

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
