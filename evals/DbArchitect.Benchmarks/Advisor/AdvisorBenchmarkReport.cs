namespace DbArchitect.Benchmarks.Advisor;

/// <summary>Everything the advisor benchmark measured, printed as a table and optionally written as JSON.</summary>
internal sealed record AdvisorBenchmarkReport
{
    public const double TargetShareOfOptimum = 0.95;

    public required IReadOnlyList<ReportStatement> Statements { get; init; }

    /// <summary>The source the workload was handed to the advisor as (it weighs upkeep only for measured workloads).</summary>
    public required string WorkloadSource { get; init; }

    /// <summary>No new index: the baseline every saving is measured from.</summary>
    public required SetEvaluation Baseline { get; init; }
    public required SetEvaluation Ours { get; init; }
    public required SetEvaluation OursGreedy { get; init; }

    /// <summary>Supabase index_advisor's union; null when no --index-advisor file was given.</summary>
    public required SetEvaluation? IndexAdvisor { get; init; }

    /// <summary>The exhaustive optimum within our set's bytes; null when some component was too large to enumerate.</summary>
    public required SetEvaluation? OptimumWithinOurBytes { get; init; }


    /// <summary>The exhaustive optimum within index_advisor's bytes: what our candidates achieve at the anchor's size; null without the anchor.</summary>
    public required SetEvaluation? OptimumWithinIndexAdvisorBytes { get; init; }

    /// <summary>How the optima within a budget were found: every subset, or CP-SAT over the discovered plans of large components.</summary>
    public required string OptimumMethod { get; init; }

    /// <summary>
    /// Every candidate at once: an index only adds paths for the planner, so this is the lowest cost
    /// the candidates can reach, the unconstrained optimum, whatever the size of the components.
    /// </summary>
    public required SetEvaluation EveryCandidate { get; init; }

    /// <summary>The smallest set the search found that reaches the unconstrained optimum; null when not enumerated.</summary>
    public required SetEvaluation? SmallestOptimum { get; init; }

    public required string SelectionMethod { get; init; }
    public required IReadOnlyList<string> AdvisorNotes { get; init; }
    public required int CandidateCount { get; init; }
    public required double OursMsPerStatement { get; init; }
    public required double OursGreedyMsPerStatement { get; init; }
    public required double? IndexAdvisorMsPerStatement { get; init; }
    public required IReadOnlyList<string> IndexAdvisorErrors { get; init; }
    public required IReadOnlyList<ComponentReport> ExhaustiveComponents { get; init; }
    public required double ExhaustiveSeconds { get; init; }

    /// <summary>Σ calls × cost the search predicted for its optimum within our bytes, to compare with the re-evaluation.</summary>
    public required double? OptimumWithinOurBytesPredicted { get; init; }
    public required double LoadSeconds { get; init; }

    public bool? CostAtMostIndexAdvisor => IndexAdvisor is null ? null : Ours.Total <= IndexAdvisor.Total;
    public bool? BytesAtMostIndexAdvisor => IndexAdvisor is null ? null : Ours.Bytes <= IndexAdvisor.Bytes;

    /// <summary>Our saving as a share of the best saving achievable with no more bytes than ours (the target's yardstick); null when not enumerated.</summary>
    public double? ShareOfOptimumWithinOurBytes => OptimumWithinOurBytes is null ? null : ShareOf(OptimumWithinOurBytes);

    /// <summary>Our saving as a share of the unconstrained optimum's: never above the share within our bytes, so it bounds it from below.</summary>
    public double ShareOfOptimum => ShareOf(EveryCandidate);

    public bool TargetsMet => CostAtMostIndexAdvisor != false && BytesAtMostIndexAdvisor != false && (ShareOfOptimumWithinOurBytes ?? ShareOfOptimum) >= TargetShareOfOptimum;

    private double ShareOf(SetEvaluation best)
    {
        var bestSaving = Baseline.Total - best.Total;
        return bestSaving <= 0 ? 1 : (Baseline.Total - Ours.Total) / bestSaving;
    }
}

/// <summary>A workload statement as the report lists it.</summary>
internal sealed record ReportStatement(string Label, long Calls, string Text);
