using System.Text.RegularExpressions;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// Keeps the values in the user's queries away from the model: statements and plan conditions
/// lose every constant (<c>$n</c>), and prose (finding titles, evidence) loses quoted strings and
/// any constant a workload statement carried. Numbers the tools measured stay, because the model
/// must cite them.
/// </summary>
public sealed partial class LiteralRedactor
{
    private const string Mask = "'?'";

    // Shorter numbers are everyday counts ("3 columns"); masking them would garble measurements
    // while hiding nothing about the data.
    private const int MinimumNumberLength = 2;

    private readonly bool _enabled;
    private readonly IReadOnlyList<string> _workloadStrings;
    private readonly IReadOnlySet<string> _workloadNumbers;

    private LiteralRedactor(bool enabled, IReadOnlyList<string> workloadStrings, IReadOnlySet<string> workloadNumbers)
    {
        _enabled = enabled;
        _workloadStrings = workloadStrings;
        _workloadNumbers = workloadNumbers;
    }

    /// <summary>Passes everything through: for <c>--no-redact</c> style runs on one's own data.</summary>
    public static LiteralRedactor Off { get; } = new(false, [], new HashSet<string>());

    /// <summary>A redactor that also recognises the constants of these statements wherever they appear.</summary>
    public static LiteralRedactor For(IEnumerable<string> statements)
    {
        var strings = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var constant in statements.SelectMany(SqlText.Constants))
        {
            if (StringValue(constant) is { Length: > 0 } value)
            {
                strings.Add(value);
            }
            else if (constant.Length >= MinimumNumberLength && char.IsAsciiDigit(constant[0]) && constant.All(c => char.IsAsciiDigit(c) || c == '.'))
            {
                numbers.Add(constant);
            }
        }

        return new LiteralRedactor(true, [.. strings.OrderByDescending(value => value.Length)], numbers);
    }

    /// <summary>The value of a string constant as the lexer wrote it: <c>'it''s'</c> is <c>it's</c>, <c>E'…'</c> keeps its escapes; null for any other constant.</summary>
    private static string? StringValue(string constant)
    {
        var quoted = constant is ['E' or 'e', '\'', ..] ? constant[1..] : constant;
        return quoted is ['\'', .., '\''] && quoted.Length >= 2 ? quoted[1..^1].Replace("''", "'", StringComparison.Ordinal) : null;
    }

    /// <summary>SQL text (a statement, a plan's filter): every constant becomes a <c>$n</c> placeholder.</summary>
    public string Sql(string sql) => _enabled ? SqlText.Normalize(sql) : sql;

    /// <summary>Prose that may quote values: quoted strings and the workload's constants are masked.</summary>
    public string Prose(string text)
    {
        if (!_enabled)
        {
            return text;
        }

        text = QuotedString().Replace(text, Mask);
        foreach (var value in _workloadStrings)
        {
            text = text.Replace(value, "?", StringComparison.Ordinal);
        }

        return _workloadNumbers.Count == 0 ? text : Number().Replace(text, match => _workloadNumbers.Contains(match.Value) ? "?" : match.Value);
    }

    // An apostrophe right after a letter is English ("table's"), not the start of a literal.
    [GeneratedRegex(@"(?<![A-Za-z])'(?<value>(?:[^'\n]|'')*)'")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"(?<![\w$.])\d+(?:\.\d+)?(?![\w.])")]
    private static partial Regex Number();
}
