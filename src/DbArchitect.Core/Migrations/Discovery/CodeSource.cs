using System.Text;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Just enough of a programming language to read SQL out of a migration written in it: where its
/// strings and comments begin and end, which brackets match, and the text of an argument made of
/// string literals. Each language (<see cref="JavaScriptSource"/>, <see cref="PythonSource"/>,
/// <see cref="CSharpSource"/>) says only how its literals and comments are written.
/// </summary>
internal abstract class CodeSource(string text)
{
    public string Text { get; } = text;

    /// <summary>The offset after the string or comment starting at <paramref name="start"/>, or <paramref name="start"/> when none starts there.</summary>
    public abstract int Skip(int start);

    /// <summary>The string literal starting at <paramref name="start"/> (prefix included), or null when none starts there.</summary>
    protected abstract Literal? LiteralAt(int start);

    /// <summary>Whether two literals side by side are one (Python's <c>"a" "b"</c>).</summary>
    protected virtual bool AdjacentLiteralsJoin => false;

    /// <summary>The offsets from <paramref name="start"/> up to <paramref name="end"/> that are code, outside every string and comment: what each reader of this source walks.</summary>
    public IEnumerable<int> CodeOffsets(int start, int end)
    {
        for (var i = start; i < Math.Min(end, Text.Length); i++)
        {
            var skipped = Skip(i);
            if (skipped != i)
            {
                i = skipped - 1;
                continue;
            }

            yield return i;
        }
    }

    /// <summary>How the bracket depth changes at <paramref name="offset"/>.</summary>
    public int DepthChange(int offset) => Text[offset] is '{' or '(' or '[' ? 1 : Text[offset] is '}' or ')' or ']' ? -1 : 0;

    /// <summary>The offset of the brace, parenthesis or bracket that closes the one at <paramref name="open"/>.</summary>
    public int Matching(int open)
    {
        var depth = 0;
        foreach (var i in CodeOffsets(open, Text.Length))
        {
            depth += DepthChange(i);
            if (depth == 0)
            {
                return i;
            }
        }

        return Text.Length;
    }

    public int LineOf(int offset) => 1 + Text.AsSpan(0, Math.Min(offset, Text.Length)).Count('\n');

    /// <summary>The offset of the first character at or after <paramref name="start"/> that is neither white space nor a comment.</summary>
    public int SkipSpace(int start)
    {
        var i = start;
        while (i < Text.Length)
        {
            if (char.IsWhiteSpace(Text[i]))
            {
                i++;
            }
            else if (Skip(i) is var skipped && skipped != i && LiteralAt(i) is null)
            {
                i = skipped;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>
    /// The SQL text of the call argument starting at <paramref name="start"/>: one literal, or literals joined
    /// by <c>+</c> (or side by side where the language joins them), ending at a comma or the closing parenthesis.
    /// Anything else (a variable, interpolation, formatting, a method of the literal) is SQL built by code.
    /// </summary>
    public SqlText Argument(int start)
    {
        var at = SkipSpace(start);
        var value = new StringBuilder();
        for (var first = true; ; first = false)
        {
            if (LiteralAt(at) is not { } literal)
            {
                return new SqlText(null, first ? "SQL held in a variable or built by code" : "SQL joined from a literal and code");
            }

            if (literal.Value is null)
            {
                return new SqlText(null, literal.Unread);
            }

            value.Append(literal.Value);
            at = SkipSpace(literal.End);
            if (at < Text.Length && Text[at] == '+')
            {
                at = SkipSpace(at + 1);
            }
            else if (!AdjacentLiteralsJoin || LiteralAt(at) is null)
            {
                break;
            }
        }

        return at >= Text.Length || Text[at] is ',' or ')'
            ? new SqlText(value.ToString(), null)
            : new SqlText(null, Text[at] switch
            {
                '%' => "a literal formatted with %: SQL built when the migration runs",
                '.' => "a literal changed by a method (.format, .replace…): SQL built when the migration runs",
                _ => "SQL built by code from a literal",
            });
    }

    /// <summary>A string literal: where it ends, and its value with escapes undone, or null and why it is not SQL text.</summary>
    protected sealed record Literal(int End, string? Value, string Unread = "");

    /// <summary>An argument's SQL, or null and why it is not SQL text.</summary>
    public sealed record SqlText(string? Sql, string? Unread);

    /// <summary>The body of a literal with backslash escapes undone: <c>\n</c>, <c>\t</c>, <c>\r</c>; a backslash before a line break joins the lines; any other escaped character stands for itself.</summary>
    protected static string Unescaped(string body, bool unknownKeepsBackslash)
    {
        var value = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 >= body.Length)
            {
                value.Append(body[i]);
                continue;
            }

            var next = body[++i];
            switch (next)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case '\n': break;
                case '\\' or '\'' or '"' or '`': value.Append(next); break;
                default: value.Append(unknownKeepsBackslash ? $"\\{next}" : $"{next}"); break;
            }
        }

        return value.ToString();
    }
}
