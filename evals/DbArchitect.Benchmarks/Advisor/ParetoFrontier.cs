namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// The index choices no other beats on both size and cost. Keeping only these per component is
/// enough to find the best combination under any byte budget, and keeps combining components cheap.
/// </summary>
internal static class ParetoFrontier
{
    // Costs that differ by less than this are the same plan reached through different index sets.
    private const double SameCost = 1e-6;

    /// <summary>The frontier of the choices, smallest first, each strictly cheaper than the one before; ties go to the earlier choice.</summary>
    public static IReadOnlyList<T> Of<T>(IEnumerable<T> choices, Func<T, long> bytes, Func<T, double> cost)
    {
        var frontier = new List<T>();
        foreach (var choice in choices.OrderBy(bytes).ThenBy(cost))
        {
            if (frontier.Count == 0 || cost(choice) < cost(frontier[^1]) - SameCost)
            {
                frontier.Add(choice);
            }
        }

        return frontier;
    }

    /// <summary>The frontier of every pairing of a choice from each side, for components that do not interact.</summary>
    public static IReadOnlyList<IndexChoice> Combine(IReadOnlyList<IndexChoice> first, IReadOnlyList<IndexChoice> second) =>
        Of(first.SelectMany(a => second.Select(b => new IndexChoice([.. a.Indexes, .. b.Indexes], a.Bytes + b.Bytes, a.Cost + b.Cost))), c => c.Bytes, c => c.Cost);
}
