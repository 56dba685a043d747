using System.Text.RegularExpressions;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Tools;

namespace DbArchitect.Postgres.Tools.Grounding;

/// <summary>
/// The model proposes, the database decides: an index the deterministic findings did not already
/// propose may enter the plan only after <c>cost_index</c> costed that same index in this run and
/// the workload got cheaper with it, over the indexes the plan already proposes. Methods hypopg cannot simulate (gin, gist) are not held to
/// this, since no tool here can cost them.
/// </summary>
public sealed partial class IndexCostingCheck(CatalogSnapshot snapshot, ProposedIndexes proposedByFindings)
{
    public IReadOnlyList<ValidationError> Check(TodoDocument document, IReadOnlySet<string> costedWithGain)
    {
        return [.. document.Items.Where(item => !item.Done)
            .SelectMany(item => CreateIndexReader.ReadAll(item.Sql, snapshot)
                .Where(index => index.Hypothetical && !proposedByFindings.Contains(Shape(index)) && !costedWithGain.Contains(Shape(index)))
                .Select(index => new ValidationError(item.Id,
                    $"proposes {index.Definition}, which was not costed in this run or made no statement cheaper; call cost_index with it and keep it only if the costs fall")))];
    }

    /// <summary>The same index however it was spelled: case and spacing do not matter.</summary>
    public static string Shape(IndexCandidate candidate) => Whitespace().Replace(candidate.Shape.ToLowerInvariant(), "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
