using System.Globalization;
using System.Text;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// Picks, from a column's statistics, one constant that many rows match and one that few rows
/// match, the two ends a single generic plan has to serve: the most common value and a rare one
/// for equality, a wide and a narrow range (adjacent histogram bounds) for range predicates, and a
/// short and a long prefix for LIKE.
/// </summary>
public static class RepresentativeConstants
{
    private const int CommonPrefixLength = 3;
    private const int RarePrefixLength = 40;

    /// <param name="comparison">How the placeholder is compared with its column.</param>
    /// <param name="distribution">The column's values as pg_stats describes them.</param>
    /// <param name="bothBounds">The column is bounded from the other side by another placeholder too (BETWEEN).</param>
    /// <returns>The common and the rare constant, or null when the statistics offer none.</returns>
    public static (SampledValue Common, SampledValue Rare)? Choose(PlaceholderComparison comparison, ColumnDistribution distribution, bool bothBounds)
    {
        var column = comparison.QualifiedColumn;
        if (comparison.IsLowerBound || comparison.IsUpperBound)
        {
            return Range(comparison, distribution, bothBounds);
        }

        if (CommonValue(distribution, column) is not { } common)
        {
            return null;
        }

        var rare = RareValue(distribution, column) ?? common;
        return comparison.Operator switch
        {
            ComparisonOperator.EqualAny => (Value(comparison, ArrayOf(common.Value), common.Reason), Value(comparison, ArrayOf(rare.Value), rare.Reason)),
            ComparisonOperator.Like or ComparisonOperator.ILike => (
                Value(comparison, Prefix(common.Value, CommonPrefixLength), $"{CommonPrefixLength}-character prefix of the {common.Reason}"),
                Value(comparison, Prefix(rare.Value, RarePrefixLength), $"prefix of up to {RarePrefixLength} characters of the {rare.Reason}")),
            _ => (Value(comparison, common.Value, common.Reason), Value(comparison, rare.Value, rare.Reason)),
        };
    }

    private sealed record Pick(string Value, string Reason);

    private static SampledValue Value(PlaceholderComparison comparison, string value, string reason) =>
        new(comparison.Placeholder, value, reason, comparison);

    private static Pick? CommonValue(ColumnDistribution distribution, string column)
    {
        if (distribution.MostCommonValues.Count > 0)
        {
            return new(distribution.MostCommonValues[0], $"most common value of {column}, {Percent(distribution.MostCommonFrequencies[0])} of rows");
        }

        return Middle(distribution.HistogramBounds) is { } typical
            ? new(typical, $"typical value of {column} (none is common), {About(distribution.OtherValueFraction)} of rows")
            : null;
    }

    // A histogram bound is a value outside the most-common list; failing that, the least common of the list.
    private static Pick? RareValue(ColumnDistribution distribution, string column)
    {
        if (Middle(distribution.HistogramBounds) is { } bound)
        {
            return new(bound, $"rare value of {column} (not among its most common values), {About(distribution.OtherValueFraction)} of rows");
        }

        return distribution.MostCommonValues.Count >= 2
            ? new(distribution.MostCommonValues[^1], $"least common value of {column}, {Percent(distribution.MostCommonFrequencies[^1])} of rows")
            : null;
    }

    private static (SampledValue Common, SampledValue Rare)? Range(PlaceholderComparison comparison, ColumnDistribution distribution, bool bothBounds)
    {
        var bounds = distribution.HistogramBounds;
        if (bounds.Count < 2)
        {
            return null;
        }

        var column = comparison.QualifiedColumn;
        var bucket = About(distribution.OtherFraction / (bounds.Count - 1));
        var lower = comparison.IsLowerBound;
        var wide = Value(comparison, lower ? bounds[0] : bounds[^1], $"{(lower ? "lowest" : "highest")} histogram bound of {column}: a range over nearly all rows");
        if (bothBounds)
        {
            var middle = (bounds.Count - 1) / 2;
            return (wide, Value(comparison, lower ? bounds[middle] : bounds[middle + 1], $"adjacent histogram bounds of {column}: a range over {bucket} of rows"));
        }

        return (wide, Value(comparison, lower ? bounds[^2] : bounds[1], $"{(lower ? "second-highest" : "second-lowest")} histogram bound of {column}: a range over {bucket} of rows"));
    }

    private static string? Middle(IReadOnlyList<string> values) => values.Count == 0 ? null : values[values.Count / 2];

    private static string Prefix(string value, int length)
    {
        var prefix = new StringBuilder();
        foreach (var c in value.Take(length))
        {
            if (c is '\\' or '%' or '_')
            {
                prefix.Append('\\');
            }

            prefix.Append(c);
        }

        return prefix.Append('%').ToString();
    }

    private static string ArrayOf(string value) =>
        "{\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}";

    private static string Percent(double fraction) => fraction >= 0.0001
        ? (fraction * 100).ToString(fraction >= 0.01 ? "0" : "0.##", CultureInfo.InvariantCulture) + " %"
        : "under 0.01 %";

    private static string About(double fraction) => fraction >= 0.0001 ? "about " + Percent(fraction) : Percent(fraction);
}
