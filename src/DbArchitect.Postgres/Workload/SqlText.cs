using System.Globalization;
using System.Text;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// Replaces constants in SQL text with placeholders and puts them back, on the server's own lexer
/// and parser (libpg_query), so strings of every kind, quoted identifiers, dollar quotes and
/// nested comments are read as PostgreSQL reads them (statement splitting is
/// <see cref="Validation.SqlScript"/>'s). Which tokens are constants is <see cref="ConstantSpans"/>'s call.
/// Text the lexer cannot read to its end does not throw: it is read up to the token the lexer
/// rejects, and that rest, when it is a string cut short, counts as one constant (see <see cref="ScannedSql"/>).
/// </summary>
public static class SqlText
{
    // The protocol carries at most 65,535 parameters: a higher $n is no placeholder to number after.
    private const int MaximumPlaceholder = 65_535;

    /// <summary>The statement on one line, cut to <paramref name="length"/> characters with an ellipsis: for evidence and tables.</summary>
    public static string OneLine(string statement, int length = 80) => Core.Failures.OneLine.Cut(statement, length);

    /// <summary>
    /// The text with its constants replaced by placeholders, comments dropped and the space between
    /// tokens collapsed to one blank. Placeholders already in the text stay, and the new ones are
    /// numbered after the highest of them, as pg_stat_statements numbers them.
    /// </summary>
    public static string Normalize(string statement) => Normalize(statement, null);

    /// <summary>
    /// What <c>$n</c> stands for in <see cref="Normalize(string)"/>'s text: the n-th entry, a constant
    /// as written (quotes and all). Placeholders that were in the text already stand for themselves,
    /// so the list starts with <c>$1</c> … <c>$k</c> for the highest <c>$k</c> among them.
    /// </summary>
    public static IReadOnlyList<string> Constants(string statement)
    {
        var constants = new List<string>();
        Normalize(statement, constants);
        return constants;
    }

    /// <summary>
    /// Puts constants back where placeholders stand: <c>$n</c> (outside strings, quoted identifiers
    /// and comments) becomes <paramref name="constants"/>[n-1] when there is one, and stays otherwise.
    /// </summary>
    public static string Bind(string statement, IReadOnlyList<string> constants)
    {
        var builder = new StringBuilder(statement.Length);
        var copied = 0;
        foreach (var token in ScannedSql.Of(statement).Tokens)
        {
            if (PlaceholderNumber(token) is { } number && number >= 1 && number <= constants.Count)
            {
                builder.Append(statement, copied, token.Start - copied).Append(constants[number - 1]);
                copied = token.Start + token.Length;
            }
        }

        return builder.Append(statement, copied, statement.Length - copied).ToString();
    }

    private static string Normalize(string statement, List<string>? constants)
    {
        var scanned = ScannedSql.Of(statement);
        var tokens = scanned.Tokens;
        var ranges = ConstantSpans.Find(scanned).ToDictionary(range => range.First, range => range.Last);
        var parameter = tokens.Select(PlaceholderNumber).Where(number => number <= MaximumPlaceholder).Max() ?? 0;
        constants?.AddRange(Enumerable.Range(1, parameter).Select(n => "$" + n.ToString(CultureInfo.InvariantCulture)));

        var builder = new StringBuilder(statement.Length);
        var written = 0;
        void Write(int start, int end, string text)
        {
            // Whatever lay between two tokens, blanks or a comment, becomes one blank.
            if (builder.Length > 0 && start > written)
            {
                builder.Append(' ');
            }

            builder.Append(text);
            written = end;
        }

        string Placeholder(string constant)
        {
            constants?.Add(constant);
            return "$" + (++parameter).ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (ranges.TryGetValue(i, out var last))
            {
                var end = tokens[last].Start + tokens[last].Length;
                Write(token.Start, end, Placeholder(statement[token.Start..end]));
                i = last;
            }
            else if (!token.IsComment)
            {
                Write(token.Start, token.Start + token.Length, token.Text);
            }
        }

        if (scanned.TailIsConstant)
        {
            Write(scanned.TailStart, statement.Length, Placeholder(scanned.Tail));
        }
        else if (!scanned.TailIsComment && scanned.Tail.Length > 0)
        {
            Write(scanned.TailStart, statement.Length, scanned.Tail.TrimEnd());
        }

        return builder.ToString();
    }

    private static int? PlaceholderNumber(SqlScanToken token) =>
        token.Token == SqlScanToken.Param && int.TryParse(token.Text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
