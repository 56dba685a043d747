using System.Text;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// Replaces constants in SQL text with placeholders, respecting quoting (statement splitting is
/// <see cref="Validation.SqlScript"/>'s). Strings ('…', E'…'), quoted identifiers, dollar quotes,
/// and both comment styles are never mistaken for constants.
/// </summary>
public static class SqlText
{
    /// <summary>The statement on one line, cut to <paramref name="length"/> characters with an ellipsis: for evidence and tables.</summary>
    public static string OneLine(string statement, int length = 80)
    {
        var line = string.Join(' ', statement.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }

    /// <summary>The text with numeric and string constants replaced by $1, $2…, whitespace collapsed.</summary>
    public static string Normalize(string statement) => Normalize(statement, null);

    /// <summary>The constants <see cref="Normalize(string)"/> replaces, in placeholder order: <c>$n</c> stands for the n-th, as written (quotes and all).</summary>
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
        var i = 0;
        while (i < statement.Length)
        {
            var skipped = SkipQuotedOrComment(statement, i);
            if (skipped > i)
            {
                builder.Append(statement, i, skipped - i);
                i = skipped;
                continue;
            }

            if (statement[i] == '$' && !IsWordChar(Previous(statement, i)))
            {
                var end = i + 1;
                while (end < statement.Length && char.IsAsciiDigit(statement[end]))
                {
                    end++;
                }

                if (end > i + 1 && int.TryParse(statement.AsSpan(i + 1, end - i - 1), out var number) && number >= 1 && number <= constants.Count)
                {
                    builder.Append(constants[number - 1]);
                    i = end;
                    continue;
                }
            }

            builder.Append(statement[i]);
            i++;
        }

        return builder.ToString();
    }

    private static string Normalize(string statement, List<string>? constants)
    {
        var builder = new StringBuilder(statement.Length);
        var parameter = 0;
        var i = 0;
        while (i < statement.Length)
        {
            var c = statement[i];
            if (c == '\'' || (c is 'E' or 'e' && i + 1 < statement.Length && statement[i + 1] == '\'' && !IsWordChar(Previous(statement, i))))
            {
                var end = SkipQuotedOrComment(statement, c == '\'' ? i : i + 1);
                constants?.Add(statement[i..end]);
                builder.Append('$').Append(++parameter);
                i = end;
                continue;
            }

            var skipped = SkipQuotedOrComment(statement, i);
            if (skipped > i)
            {
                if (statement[i] is '"' or '$')
                {
                    builder.Append(statement, i, skipped - i);
                }
                else
                {
                    builder.Append(' ');
                }

                i = skipped;
                continue;
            }

            if (char.IsAsciiDigit(c) && !IsWordChar(Previous(statement, i)) && Previous(statement, i) != '$')
            {
                var end = i;
                while (end < statement.Length && (char.IsAsciiDigit(statement[end]) || statement[end] == '.'))
                {
                    end++;
                }

                constants?.Add(statement[i..end]);
                builder.Append('$').Append(++parameter);
                i = end;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                i++;
                continue;
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString().Trim();
    }

    /// <summary>If a string, quoted identifier, dollar quote or comment starts at <paramref name="i"/>, the index after it; else <paramref name="i"/>.</summary>
    private static int SkipQuotedOrComment(string text, int i)
    {
        var c = text[i];
        if (c is '\'' or '"')
        {
            var j = i + 1;
            while (j < text.Length)
            {
                if (text[j] == '\\' && c == '\'' && i > 0 && text[i - 1] is 'E' or 'e')
                {
                    j += 2;
                    continue;
                }

                if (text[j] == c)
                {
                    if (j + 1 < text.Length && text[j + 1] == c)
                    {
                        j += 2;
                        continue;
                    }

                    return j + 1;
                }

                j++;
            }

            return text.Length;
        }

        if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
        {
            var end = text.IndexOf('\n', i);
            return end < 0 ? text.Length : end + 1;
        }

        if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
        {
            var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + 2;
        }

        if (c == '$' && !IsWordChar(Previous(text, i)))
        {
            var close = text.IndexOf('$', i + 1);
            if (close > i && text.AsSpan(i + 1, close - i - 1).ToString().All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') && !char.IsAsciiDigit(text[i + 1]))
            {
                var tag = text[i..(close + 1)];
                var end = text.IndexOf(tag, close + 1, StringComparison.Ordinal);
                return end < 0 ? text.Length : end + tag.Length;
            }
        }

        return i;
    }

    private static char Previous(string text, int i) => i == 0 ? ' ' : text[i - 1];

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
