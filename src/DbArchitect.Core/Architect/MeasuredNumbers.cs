using System.Globalization;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Architect;

/// <summary>
/// The numbers the tools produced in one run (findings' evidence, the brief, every tool result).
/// A number the model cites is grounded when it is one of them, or one of them rounded to the
/// precision the model wrote (a cost of 1234.5678 may be cited as 1234.57 or 1235).
/// </summary>
public sealed partial class MeasuredNumbers
{
    private readonly HashSet<decimal> _values = [];

    public void AddFrom(string text)
    {
        foreach (var (value, _) in Extract(text))
        {
            _values.Add(value);
        }
    }

    public bool Contains(decimal value, int decimals) =>
        _values.Contains(value) || _values.Any(known => Math.Round(known, decimals, MidpointRounding.AwayFromZero) == value);

    /// <summary>The numbers written in <paramref name="text"/>, each with the number of decimals it was written with.</summary>
    public static IEnumerable<(decimal Value, int Decimals)> Extract(string text)
    {
        foreach (Match match in Number().Matches(text))
        {
            var digits = match.Value.Replace(",", "", StringComparison.Ordinal);
            if (decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                var point = digits.IndexOf('.', StringComparison.Ordinal);
                yield return (value, point < 0 ? 0 : digits.Length - point - 1);
            }
        }
    }

    // Digits inside names (orders_2024, t2, $1, v15) are not measurements; thousands separators are.
    [GeneratedRegex(@"(?<![\w$.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w$.,])\d+(?:\.\d+)?(?![\w])")]
    private static partial Regex Number();
}
