using System.Text;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// Reads PostgreSQL's text form of a one-dimensional array, as <c>anyarray::text</c> prints it:
/// <c>{done,"in progress",NULL,"say \"hi\""}</c>. pg_stats stores its value lists as anyarray,
/// which no client type maps, so the text form is the one way to read them for every column type.
/// </summary>
public static class ArrayText
{
    /// <summary>The elements, unquoted and unescaped; SQL NULL elements are null.</summary>
    /// <exception cref="FormatException">The text is not an array literal.</exception>
    public static IReadOnlyList<string?> Parse(string text)
    {
        var start = text.StartsWith('[') ? text.IndexOf('=', StringComparison.Ordinal) + 1 : 0;
        if (start >= text.Length || text[start] != '{' || !text.EndsWith('}'))
        {
            throw new FormatException("not an array literal");
        }

        var elements = new List<string?>();
        var position = start + 1;
        var end = text.Length - 1;
        if (position == end)
        {
            return elements;
        }

        while (true)
        {
            elements.Add(text[position] == '"' ? ReadQuoted(text, ref position) : ReadBare(text, ref position, end));
            if (position == end)
            {
                return elements;
            }

            if (text[position] != ',')
            {
                throw new FormatException($"expected a comma at position {position}");
            }

            position++;
        }
    }

    private static string ReadQuoted(string text, ref int position)
    {
        var value = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\')
            {
                if (position >= text.Length)
                {
                    break;
                }

                c = text[position++];
            }

            value.Append(c);
        }

        throw new FormatException("unterminated quoted element");
    }

    // A nested array ({…}) is kept as one element, verbatim: only its outer structure matters here.
    private static string? ReadBare(string text, ref int position, int end)
    {
        var from = position;
        var depth = 0;
        while (position < end && (depth > 0 || text[position] != ','))
        {
            if (depth == 0 && text[position] == '"')
            {
                throw new FormatException($"quote inside an unquoted element at position {position}");
            }

            depth += text[position] switch { '{' => 1, '}' => -1, _ => 0 };
            position++;
        }

        var value = text[from..position].Trim();
        return value.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : value;
    }
}
