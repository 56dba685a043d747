namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Just enough of JavaScript and TypeScript to read SQL out of a migration: strings, template
/// literals and comments, and the body of a function however a migration module writes it
/// (<c>up(…) {…}</c>, <c>exports.up = function (knex) {…}</c>, <c>up: async (queryInterface) =&gt; {…}</c>,
/// <c>export const up = knex =&gt; knex.schema…</c>).
/// </summary>
internal sealed class JavaScriptSource(string text) : CodeSource(text)
{
    public override int Skip(int start)
    {
        if (start + 1 < Text.Length && Text[start] == '/' && Text[start + 1] is '/' or '*')
        {
            var end = Text[start + 1] == '/' ? Text.IndexOf('\n', start) : Text.IndexOf("*/", start + 2, StringComparison.Ordinal) + 1;
            return end <= 0 ? Text.Length : end + 1;
        }

        return start < Text.Length && Text[start] is '\'' or '"' or '`' ? QuotedEnd(start) : start;
    }

    protected override Literal? LiteralAt(int start)
    {
        if (start >= Text.Length || Text[start] is not ('\'' or '"' or '`'))
        {
            return null;
        }

        var end = QuotedEnd(start);
        var body = Text[(start + 1)..Math.Max(start + 1, end - 1)];
        return Text[start] == '`' && body.Contains("${", StringComparison.Ordinal)
            ? new Literal(end, null, "a template literal with ${…}: SQL built when the migration runs")
            : new Literal(end, Unescaped(body, unknownKeepsBackslash: false));
    }

    /// <summary>The body of the first function <paramref name="name"/> as offsets (inside its braces, or its arrow's expression), and its first parameter's name; null when there is none.</summary>
    public (int Start, int End, string? Parameter)? FunctionBody(string name)
    {
        foreach (var i in CodeOffsets(0, Text.Length))
        {
            if (string.CompareOrdinal(Text, i, name, 0, name.Length) == 0 && (i == 0 || !IsIdentifier(Text[i - 1]))
                && (i + name.Length >= Text.Length || !IsIdentifier(Text[i + name.Length])) && Definition(i + name.Length) is { } body)
            {
                return body;
            }
        }

        return null;
    }

    /// <summary>What follows a function's name when it defines one: <c>(params) {</c>, <c>= async (params) =&gt;</c>, <c>: function (params) {</c>, <c>= param =&gt;</c>.</summary>
    private (int Start, int End, string? Parameter)? Definition(int afterName)
    {
        var at = SkipSpace(afterName);
        if (at < Text.Length && Text[at] is '=' or ':' && (at + 1 >= Text.Length || Text[at + 1] is not ('=' or '>')))
        {
            at = SkipWord(SkipSpace(at + 1), "async");
            if (SkipWord(at, "function") is var named && named != at)
            {
                // function's own name, if it has one: exports.up = function up(knex) {…}
                for (at = named; at < Text.Length && IsIdentifier(Text[at]); at++)
                {
                }

                at = SkipSpace(at);
            }
        }

        string? parameter;
        if (at < Text.Length && Text[at] == '(')
        {
            var close = Matching(at);
            parameter = FirstParameter(Text[(at + 1)..Math.Min(close, Text.Length)]);
            at = close + 1;
        }
        else if (at < Text.Length && IsIdentifier(Text[at]))
        {
            var end = at;
            while (end < Text.Length && IsIdentifier(Text[end]))
            {
                end++;
            }

            parameter = Text[at..end];
            at = SkipSpace(end);
            if (string.CompareOrdinal(Text, at, "=>", 0, 2) != 0)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        // A TypeScript return type (": Promise<void>") sits between the parameters and the body.
        while (at < Text.Length && Text[at] != '{' && string.CompareOrdinal(Text, at, "=>", 0, 2) != 0 && Text[at] is not (';' or '}' or ')'))
        {
            at = Skip(at) is var skipped && skipped != at ? skipped : at + 1;
        }

        if (at < Text.Length && Text[at] == '=')
        {
            at = SkipSpace(at + 2);
            return at < Text.Length && Text[at] == '{' ? (at + 1, Matching(at), parameter) : (at, ExpressionEnd(at), parameter);
        }

        return at < Text.Length && Text[at] == '{' ? (at + 1, Matching(at), parameter) : null;
    }

    /// <summary>Where an arrow function's expression body ends: a <c>;</c> or <c>,</c> outside brackets, a bracket it did not open, or the next export.</summary>
    private int ExpressionEnd(int start)
    {
        var depth = 0;
        foreach (var i in CodeOffsets(start, Text.Length))
        {
            depth += DepthChange(i);
            if (depth < 0 || depth == 0 && Text[i] is ';' or ',')
            {
                return i;
            }

            if (depth == 0 && Text[i] == '\n' && (Text.AsSpan(SkipSpace(i)).StartsWith("export", StringComparison.Ordinal) || Text.AsSpan(i).StartsWith("\nmodule.exports", StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return Text.Length;
    }

    private static string? FirstParameter(string parameters)
    {
        var text = parameters.TrimStart();
        if (text.StartsWith('{'))
        {
            // Destructured, as umzug passes it: ({ context: queryInterface }).
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            text = colon < 0 ? text.TrimStart('{', ' ') : text[(colon + 1)..].TrimStart();
        }

        var end = 0;
        while (end < text.Length && IsIdentifier(text[end]))
        {
            end++;
        }

        return end == 0 ? null : text[..end];
    }

    private int SkipWord(int at, string word) =>
        string.CompareOrdinal(Text, at, word, 0, word.Length) == 0 && (at + word.Length >= Text.Length || !IsIdentifier(Text[at + word.Length])) ? SkipSpace(at + word.Length) : at;

    private static bool IsIdentifier(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private int QuotedEnd(int start)
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
}
