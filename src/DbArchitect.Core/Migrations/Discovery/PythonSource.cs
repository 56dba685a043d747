using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Just enough of Python to read SQL out of an Alembic revision: <c>#</c> comments, string literals
/// (<c>'…'</c>, <c>"…"</c>, triple-quoted, with <c>r</c>, <c>u</c>, <c>b</c> or <c>f</c> prefixes; adjacent
/// literals are one), and a function's body by its indentation.
/// </summary>
internal sealed partial class PythonSource(string text) : CodeSource(text)
{
    protected override bool AdjacentLiteralsJoin => true;

    public override int Skip(int start)
    {
        if (start >= Text.Length)
        {
            return start;
        }

        if (Text[start] == '#')
        {
            var newline = Text.IndexOf('\n', start);
            return newline < 0 ? Text.Length : newline;
        }

        return Text[start] is '\'' or '"' ? QuotedEnd(start) : start;
    }

    protected override Literal? LiteralAt(int start)
    {
        var quote = start;
        while (quote < Text.Length && quote - start < 2 && Text[quote] is 'r' or 'R' or 'u' or 'U' or 'b' or 'B' or 'f' or 'F')
        {
            quote++;
        }

        if (quote >= Text.Length || Text[quote] is not ('\'' or '"') || start > 0 && (char.IsLetterOrDigit(Text[start - 1]) || Text[start - 1] == '_'))
        {
            return null;
        }

        var prefix = Text[start..quote].ToLowerInvariant();
        var end = QuotedEnd(quote);
        var width = IsTriple(quote) ? 3 : 1;
        var body = Text[(quote + width)..Math.Max(quote + width, end - width)];
        if (prefix.Contains('f', StringComparison.Ordinal) && Placeholder().IsMatch(body.Replace("{{", "", StringComparison.Ordinal)))
        {
            return new Literal(end, null, "an f-string: SQL built when the migration runs");
        }

        return new Literal(end, prefix.Contains('r', StringComparison.Ordinal) ? body : Unescaped(body, unknownKeepsBackslash: true));
    }

    /// <summary>The body of the top-level or nested function <c>def <paramref name="name"/>(…):</c> as offsets: from its colon to the first line indented no deeper than the <c>def</c>; null when there is none.</summary>
    public (int Start, int End)? FunctionBody(string name)
    {
        foreach (Match definition in Definition().Matches(Text))
        {
            if (definition.Groups["name"].Value != name)
            {
                continue;
            }

            var indent = definition.Groups["indent"].Length;
            var at = Matching(definition.Index + definition.Length - 1) + 1;
            while (at < Text.Length && Text[at] != ':')
            {
                at = Skip(at) is var skipped && skipped != at ? skipped : at + 1;
            }

            return (Math.Min(at + 1, Text.Length), BlockEnd(at + 1, indent));
        }

        return null;
    }

    private int BlockEnd(int start, int indent)
    {
        var depth = 0;
        foreach (var i in CodeOffsets(start, Text.Length))
        {
            depth += DepthChange(i);
            if (Text[i] != '\n' || depth > 0)
            {
                continue;
            }

            var first = i + 1;
            while (first < Text.Length && Text[first] is ' ' or '\t')
            {
                first++;
            }

            if (first < Text.Length && Text[first] is not ('\n' or '\r' or '#') && first - i - 1 <= indent)
            {
                return i;
            }
        }

        return Text.Length;
    }

    private bool IsTriple(int quote) => quote + 2 < Text.Length && Text[quote + 1] == Text[quote] && Text[quote + 2] == Text[quote];

    private int QuotedEnd(int quote)
    {
        var width = IsTriple(quote) ? 3 : 1;
        for (var i = quote + width; i < Text.Length; i++)
        {
            if (Text[i] == '\\')
            {
                i++;
            }
            else if (Text[i] == Text[quote] && (width == 1 || IsTriple(i)))
            {
                return i + width;
            }
            else if (width == 1 && Text[i] == '\n')
            {
                return i;
            }
        }

        return Text.Length;
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:async[ \t]+)?def[ \t]+(?<name>\w+)[ \t]*\(", RegexOptions.Multiline)]
    private static partial Regex Definition();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
