using Npgsql;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// Plans a parameterised statement again with constants sampled from pg_stats, because its
/// generic plan cannot see what a value changes: a LIKE prefix an index could serve, or a value
/// so common (or so rare) that another plan wins. Each placeholder must be compared with a table
/// column in the generic plan (or count rows, as in LIMIT $n); if one is not, no custom plan is
/// made and the generic plan stands.
/// </summary>
public sealed class SampledConstantPlanner(NpgsqlDataSource dataSource)
{
    public SampledConstantPlanner(TargetSession session)
        : this(session.DataSource)
    {
    }

    public async Task<SampledPlans> PlanWithSampledConstantsAsync(string statement, ExplainResult genericPlan, CancellationToken cancellationToken)
    {
        var placeholders = ExplainRunner.PlaceholderCount(statement);
        if (placeholders == 0)
        {
            return SampledPlans.NotPlanned("the statement has no placeholders");
        }

        // PostgreSQL 15 prints sub-plan parameters as $n too, so a $n in such a plan may not be ours.
        if (genericPlan.Plan.DescendantsAndSelf().Any(node => node.ParentRelationship is "InitPlan" or "SubPlan"))
        {
            return SampledPlans.NotPlanned("the plan has sub-plans, whose own parameters print like placeholders");
        }

        var comparisons = PlaceholderComparisons.Find(genericPlan.Plan);
        var rowCounts = RowCountPlaceholders.Find(statement);
        var distributions = new Dictionary<string, ColumnDistribution?>(StringComparer.Ordinal);
        var choices = new List<(SampledValue Common, SampledValue Rare)>();
        for (var n = 1; n <= placeholders; n++)
        {
            if (rowCounts.TryGetValue(n, out var rowCount))
            {
                choices.Add((rowCount, rowCount));
                continue;
            }

            if (!comparisons.TryGetValue(n, out var comparison))
            {
                return SampledPlans.NotPlanned($"${n} is not compared with a table column in the generic plan");
            }

            var column = comparison.QualifiedColumn;
            if (!distributions.TryGetValue(column, out var distribution))
            {
                distribution = await ColumnDistribution.ReadAsync(dataSource, comparison.Schema, comparison.Table, comparison.Column, cancellationToken).ConfigureAwait(false);
                distributions[column] = distribution;
            }

            if (distribution is null)
            {
                return SampledPlans.NotPlanned($"{column} (compared with ${n}) has no statistics; ANALYZE has not seen it");
            }

            var bothBounds = comparisons.Values.Any(other => other.QualifiedColumn == column
                && (comparison.IsLowerBound && other.IsUpperBound || comparison.IsUpperBound && other.IsLowerBound));
            if (RepresentativeConstants.Choose(comparison, distribution, bothBounds) is not { } choice)
            {
                return SampledPlans.NotPlanned($"the statistics of {column} offer no value for ${n}");
            }

            choices.Add(choice);
        }

        var common = choices.Select(choice => choice.Common).ToList();
        var rare = choices.Select(choice => choice.Rare).ToList();
        var scenarios = common.Select(v => v.Value).SequenceEqual(rare.Select(v => v.Value), StringComparer.Ordinal)
            ? new[] { (SampleScenario.CommonValues, common) }
            : [(SampleScenario.CommonValues, common), (SampleScenario.RareValues, rare)];

        var runner = new ExplainRunner(dataSource);
        var plans = new List<SampledPlan>();
        foreach (var (scenario, values) in scenarios)
        {
            try
            {
                var options = new ExplainOptions { Parameters = values.Select(v => (object?)v.Value).ToList(), ParametersAsLiterals = true };
                plans.Add(new SampledPlan(scenario, values, await runner.ExplainAsync(statement, options, cancellationToken).ConfigureAwait(false)));
            }
            catch (Exception e) when (e is ExplainRefusedException or PostgresException { IsTransient: false })
            {
                return SampledPlans.NotPlanned($"no custom plan with {string.Join("; ", values)}: {e.Message.Split('\n')[0]}");
            }
        }

        return new SampledPlans(plans, null);
    }
}
