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
        foreach (var statement in statements)
        {
            var withoutComments = Comment().Replace(statement, " ");
            foreach (Match match in QuotedString().Matches(withoutComments))
            {
                var value = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
                if (value.Length > 0)
                {
                    strings.Add(value);
                }
            }

            foreach (Match match in Number().Matches(QuotedString().Replace(withoutComments, " ")))
            {
                if (match.Value.Length >= MinimumNumberLength)
                {
                    numbers.Add(match.Value);
                }
            }
        }

        return new LiteralRedactor(true, [.. strings.OrderByDescending(value => value.Length)], numbers);
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

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
