using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>The planner's row estimate is off by 10× or more: plans built on it (join order, join method) are guesses.</summary>
public sealed class RowEstimateOffInsight : IPlanInsight
{
    private const double Factor = 10;
    private const double MinimumRows = 100;

    public const string InsightId = "row-estimate-off";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf().Where(n => n.ActualRows is not null && n.RelationName is not null))
        {
            var estimated = Math.Max(node.PlanRows, 1);
            var actual = Math.Max(node.ActualRows!.Value, 1);
            var ratio = Math.Max(estimated / actual, actual / estimated);
            if (ratio < Factor || Math.Max(estimated, actual) < MinimumRows)
            {
                continue;
            }

            var table = PlanFindings.Qualified(node);
            var columns = new[] { node.IndexCondition, node.RecheckCondition, node.Filter }.SelectMany(PredicateColumns.Extract).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
            var extended = columns.Count >= 2
                ? $"\n-- Correlated columns: let the planner learn their dependency.\nCREATE STATISTICS IF NOT EXISTS {Catalog.SqlIdentifier.Quote($"{node.RelationName}_{string.Join('_', columns.Take(2))}_stats")} (dependencies, ndistinct) ON {string.Join(", ", columns.Take(2).Select(Catalog.SqlIdentifier.Quote))} FROM {table};\nANALYZE {table};"
                : "";
            yield return new Finding
            {
                RuleId = Id,
                Subject = PlanFindings.Subject(context, node),
                Severity = ratio >= 100 ? Severity.High : Severity.Medium,
                Area = FindingArea.QueryOptimization,
                Title = FormattableString.Invariant($"Row estimate for {table} off by {ratio:N0}× ({estimated:N0} estimated, {actual:N0} actual)"),
                Rationale = "Join order and join methods are chosen from row estimates; an estimate this far off usually means stale statistics, a too-small statistics target, or columns whose values depend on each other.",
                Evidence = [PlanFindings.Statement(context), PlanFindings.Rows(node)],
                Tables = PlanFindings.Tables(node),
                Remedy = new Remedy
                {
                    Kind = columns.Count >= 2 ? ChangeKind.SchemaChange : ChangeKind.Maintenance,
                    Strategy = MigrationStrategy.Maintenance,
                    Up = $"ANALYZE {table};{extended}",
                    Down = columns.Count >= 2
                        ? $"DROP STATISTICS IF EXISTS {Catalog.SqlIdentifier.Qualify(node.Schema ?? "public", $"{node.RelationName}_{string.Join('_', columns.Take(2))}_stats")};"
                        : "-- nothing to undo: ANALYZE only refreshes planner statistics",
                    Testing = "Re-run `dbarch explain --analyze`: estimated and actual rows of this node should agree within a small factor.",
                    PerformanceImpact = "No effect on writes; better plans for reads that touch this table.",
                },
            };
        }
    }
}
