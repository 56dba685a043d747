using System.Globalization;
using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// Placeholders that count rows rather than stand for a column's value: <c>LIMIT $n</c>,
/// <c>OFFSET $n</c>, <c>FETCH FIRST $n ROWS</c>. pg_stat_statements normalises these too, and no
/// statistics describe them, so they get the values of a first page: a page size and no offset.
/// </summary>
public static partial class RowCountPlaceholders
{
    private const string PageSize = "20";

    public static IReadOnlyDictionary<int, SampledValue> Find(string statement)
    {
        var found = new Dictionary<int, SampledValue>();
        foreach (Match match in RowCount().Matches(statement))
        {
            var placeholder = int.Parse(match.Groups["param"].Value, CultureInfo.InvariantCulture);
            found.TryAdd(placeholder, match.Groups["clause"].Value.Equals("OFFSET", StringComparison.OrdinalIgnoreCase)
                ? new SampledValue(placeholder, "0", "OFFSET of the first page", null)
                : new SampledValue(placeholder, PageSize, $"a page of {PageSize} rows", null));
        }

        return found;
    }

    [GeneratedRegex(@"\b(?<clause>LIMIT|OFFSET|FETCH\s+(?:FIRST|NEXT))\s+\$(?<param>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RowCount();
}
