using System.Text.RegularExpressions;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Explain.Predicates;
using DbArchitect.Postgres.Explain.Constants;
using Npgsql;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// The workload's statements with every quoted literal replaced by another value of its column
/// from pg_stats: the next most common value, or the histogram bound half the distribution away
/// (a LIKE prefix cut from it). Advice that only holds for the literal the workload happened to
/// carry (an index bound to one user or one date) shows here as cost left behind.
/// </summary>
internal static partial class OtherConstantsWorkload
{
    private const int PrefixLength = 7;

    public static async Task<IReadOnlyList<BenchmarkStatement>> DrawAsync(NpgsqlDataSource dataSource, HypotheticalIndexSession session, IReadOnlyList<BenchmarkStatement> workload, CancellationToken cancellationToken)
    {
        var drawn = new List<BenchmarkStatement>();
        foreach (var statement in workload)
        {
            var text = statement.Text;
            var plan = await session.PlanAsync(statement.Text, cancellationToken).ConfigureAwait(false);
            foreach (var access in PlanAccessReader.Read(plan.Plan))
            {
                foreach (var comparison in access.Comparisons.Where(c => c.IsConstant && c.ConstantValue is { Length: > 0 } && c.Operator != "IS"))
                {
                    var distribution = await ColumnDistribution.ReadAsync(dataSource, access.Schema, access.Table, comparison.Column.Column, cancellationToken).ConfigureAwait(false);
                    if (distribution is not null && Other(comparison, distribution) is { } other)
                    {
                        text = text.Replace(Quoted(comparison.ConstantValue!), Quoted(other), StringComparison.Ordinal);
                    }
                }
            }

            drawn.Add(statement with { Statement = statement.Statement with { Text = text } });
        }

        return drawn;
    }

    private static string? Other(Comparison comparison, ColumnDistribution distribution)
    {
        var value = comparison.ConstantValue!;
        if (comparison.IsPattern)
        {
            var bound = Shifted(distribution.HistogramBounds, value) ?? distribution.MostCommonValues.FirstOrDefault();
            return bound is null ? null : Wildcards().Replace(bound[..Math.Min(PrefixLength, bound.Length)], "") + "%";
        }

        var common = distribution.MostCommonValues.ToList().IndexOf(value);
        if (common >= 0 && distribution.MostCommonValues.Count > 1)
        {
            return distribution.MostCommonValues[(common + 1) % distribution.MostCommonValues.Count];
        }

        return Shifted(distribution.HistogramBounds, value) ?? distribution.MostCommonValues.FirstOrDefault(v => v != value);
    }

    // Half the histogram away, towards the middle, so both ends of a range move the same way.
    private static string? Shifted(IReadOnlyList<string> bounds, string value)
    {
        if (bounds.Count < 4)
        {
            return null;
        }

        var at = bounds.Count(b => string.CompareOrdinal(b, value) < 0);
        return bounds[at < bounds.Count / 2 ? at + bounds.Count / 3 : at - bounds.Count / 3];
    }

    private static string Quoted(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    [GeneratedRegex("[%_\\\\']")]
    private static partial Regex Wildcards();
}
