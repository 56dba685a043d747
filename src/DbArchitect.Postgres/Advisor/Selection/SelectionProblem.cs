namespace DbArchitect.Postgres.Advisor.Selection;

/// <summary>
/// Index selection as a constraint programme: each scan slot (one statement reading one table) is
/// served by at most one chosen index, the one saving most; a set is worth the savings it serves
/// minus its indexes' upkeep, within the index-count and storage budgets.
/// </summary>
internal sealed record SelectionProblem
{
    /// <summary>Per candidate: upkeep in the same units as <see cref="Benefit.Value"/> (size and write amplification).</summary>
    public required IReadOnlyList<double> Penalties { get; init; }

    /// <summary>Per candidate: estimated bytes.</summary>
    public required IReadOnlyList<long> Bytes { get; init; }

    public required IReadOnlyList<Benefit> Benefits { get; init; }
    public int? MaxIndexes { get; init; }
    public long? StorageBudgetBytes { get; init; }

    public int CandidateCount => Penalties.Count;

    /// <summary>What a set is worth under this model.</summary>
    public double Value(IReadOnlyCollection<int> chosen)
    {
        var served = Benefits.Where(b => chosen.Contains(b.Candidate))
            .GroupBy(b => b.Slot)
            .Sum(slot => slot.Max(b => b.Value));
        return served - chosen.Sum(c => Penalties[c]);
    }

    public bool WithinBudgets(IReadOnlyCollection<int> chosen) =>
        (MaxIndexes is not { } count || chosen.Count <= count)
        && (StorageBudgetBytes is not { } bytes || chosen.Sum(c => Bytes[c]) <= bytes);
}

/// <summary>Serving a slot with a candidate saves this much (cost saved × calls).</summary>
internal sealed record Benefit(int Candidate, int Slot, double Value);

/// <summary>The chosen candidates and how they were found.</summary>
internal sealed record Selection(IReadOnlyList<int> Chosen, string Method);
