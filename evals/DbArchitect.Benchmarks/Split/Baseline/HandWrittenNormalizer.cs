using System.Text;

namespace DbArchitect.Benchmarks.Split.Baseline;

/// <summary>
/// The baseline: SqlText.Normalize as it was before it read SQL with libpg_query, a hand-written
/// character loop, copied here (without the constants list it could fill) so that the split
/// benchmark can time the old normalizer against the new one in one run. Nothing outside this
/// benchmark uses it.
/// </summary>
internal static class HandWrittenNormalizer
{
    public static string Normalize(string statement)
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
