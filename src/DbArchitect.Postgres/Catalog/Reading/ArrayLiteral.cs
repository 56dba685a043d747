using System.Text;

namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>
/// Reads the text form of a one-dimensional PostgreSQL array, such as pg_stats.most_common_vals
/// cast to text (an anyarray has no binary form a client can decode without knowing its type).
/// Elements may be double-quoted with backslash escapes; an unquoted NULL is SQL NULL; a nested
/// <c>{…}</c> element (an array-typed column) is kept as its text.
/// </summary>
internal static class ArrayLiteral
{
    public static IReadOnlyList<string?> Parse(string literal)
    {
        var start = literal.IndexOf('{', StringComparison.Ordinal);
        if (start < 0 || literal[^1] != '}')
        {
            throw new FormatException($"not an array literal: {literal}");
        }

        var elements = new List<string?>();
        var position = start + 1;
        if (literal[position] == '}')
        {
            return elements;
        }

        while (position < literal.Length)
        {
            elements.Add(ReadElement(literal, ref position));
            var separator = literal[position++];
            if (separator == '}')
            {
                return elements;
            }

            if (separator != ',')
            {
                throw new FormatException($"unexpected '{separator}' in array literal at {position - 1}");
            }
        }

        throw new FormatException("unterminated array literal");
    }

    private static string? ReadElement(string literal, ref int position)
    {
        var text = new StringBuilder();
        if (literal[position] == '"')
        {
            position++;
            while (literal[position] != '"')
            {
                if (literal[position] == '\\')
                {
                    position++;
                }

                text.Append(literal[position++]);
            }

            position++;
            return text.ToString();
        }

        var depth = 0;
        while (depth > 0 || literal[position] is not (',' or '}'))
        {
            var c = literal[position++];
            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            if (c == '\\')
            {
                c = literal[position++];
            }

            text.Append(c);
        }

        var element = text.ToString().Trim();
        return element.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : element;
    }
}
