namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Just enough of JavaScript and TypeScript to read SQL out of a migration class: where strings,
/// template literals and comments begin and end, and the body of a method between its braces.
/// </summary>
internal sealed class JavaScriptSource(string text)
{
    public string Text { get; } = text;

    /// <summary>The offset after the string, template literal or comment starting at <paramref name="start"/>, or <paramref name="start"/> when none starts there.</summary>
    public int Skip(int start)
    {
        if (start + 1 < Text.Length && Text[start] == '/' && Text[start + 1] is '/' or '*')
        {
            var end = Text[start + 1] == '/' ? Text.IndexOf('\n', start) : Text.IndexOf("*/", start + 2, StringComparison.Ordinal) + 1;
            return end <= 0 ? Text.Length : end + 1;
        }

        if (start < Text.Length && Text[start] is '\'' or '"' or '`')
        {
            var quote = Text[start];
            for (var i = start + 1; i < Text.Length; i++)
            {
                if (Text[i] == '\\')
                {
                    i++;
                }
                else if (Text[i] == quote)
                {
                    return i + 1;
                }
            }

            return Text.Length;
        }

        return start;
    }

    /// <summary>The body of the first method <paramref name="name"/> (<c>up(…) {…}</c>) as offsets inside its braces, or null.</summary>
    public (int Start, int End)? MethodBody(string name)
    {
        for (var i = 0; i < Text.Length; i++)
        {
            var skipped = Skip(i);
            if (skipped != i)
            {
                i = skipped - 1;
                continue;
            }

            if (string.CompareOrdinal(Text, i, name + "(", 0, name.Length + 1) == 0 && (i == 0 || !char.IsLetterOrDigit(Text[i - 1]) && Text[i - 1] != '.'))
            {
                var open = Text.IndexOf('{', i);
                return open < 0 ? null : (open + 1, Matching(open));
            }
        }

        return null;
    }

    /// <summary>The offset of the brace or parenthesis that closes the one at <paramref name="open"/>.</summary>
    public int Matching(int open)
    {
        var depth = 0;
        for (var i = open; i < Text.Length; i++)
        {
            var skipped = Skip(i);
            if (skipped != i)
            {
                i = skipped - 1;
                continue;
            }

            depth += Text[i] is '{' or '(' or '[' ? 1 : Text[i] is '}' or ')' or ']' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return Text.Length;
    }

    /// <summary>A literal's value, escapes undone; null for a template literal with <c>${…}</c> in it.</summary>
    public string? LiteralValue(int start, int end)
    {
        var body = Text[(start + 1)..(end - 1)];
        if (Text[start] == '`' && body.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var value = new System.Text.StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                i++;
                value.Append(body[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => body[i] });
            }
            else
            {
                value.Append(body[i]);
            }
        }

        return value.ToString();
    }

    public int LineOf(int offset) => 1 + Text.AsSpan(0, Math.Min(offset, Text.Length)).Count('\n');
}
