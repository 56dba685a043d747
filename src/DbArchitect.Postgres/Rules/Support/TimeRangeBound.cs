using System.Globalization;
using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// A range partition's bound on a single date or timestamp key, read from pg_get_expr's text, e.g.
/// <c>FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')</c>; MINVALUE and MAXVALUE read as null.
/// </summary>
internal sealed partial record TimeRangeBound(DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>The bound, or null for DEFAULT, multi-column or unreadable bounds.</summary>
    public static TimeRangeBound? Parse(string? bound)
    {
        if (bound is null || RangeText().Match(bound) is not { Success: true } match)
        {
            return null;
        }

        return Value(match.Groups["from"].Value) is var (fromOk, from) && fromOk && Value(match.Groups["to"].Value) is var (toOk, to) && toOk
            ? new TimeRangeBound(from, to)
            : null;
    }

    private static (bool Ok, DateTimeOffset? Value) Value(string text)
    {
        if (text is "MINVALUE" or "MAXVALUE")
        {
            return (true, null);
        }

        // A timestamp without time zone has none in its text and is read as UTC: close enough for a runway in days.
        var literal = text[1..^1];
        return DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? (true, value)
            : (false, null);
    }

    [GeneratedRegex(@"^FOR VALUES FROM \((?<from>'[^']*'|MINVALUE|MAXVALUE)\) TO \((?<to>'[^']*'|MINVALUE|MAXVALUE)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeText();
}
