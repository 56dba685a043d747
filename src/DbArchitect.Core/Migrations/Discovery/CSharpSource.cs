using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Just enough of C# to read SQL out of an EF Core or FluentMigrator migration: comments, character
/// literals, regular, verbatim (<c>@"…"</c>), raw (<c>"""…"""</c>) and interpolated strings, and a
/// method's body between its braces.
/// </summary>
internal sealed partial class CSharpSource(string text) : CodeSource(text)
{
    public override int Skip(int start)
    {
        if (start + 1 < Text.Length && Text[start] == '/' && Text[start + 1] is '/' or '*')
        {
            var end = Text[start + 1] == '/' ? Text.IndexOf('\n', start) : Text.IndexOf("*/", start + 2, StringComparison.Ordinal) + 1;
            return end <= 0 ? Text.Length : end + 1;
        }

        if (start < Text.Length && Text[start] == '\'')
        {
            return Escaped(start, '\'');
        }

        return LiteralAt(start)?.End ?? start;
    }

    protected override Literal? LiteralAt(int start)
    {
        var quote = start;
        while (quote < Text.Length && quote - start < 2 && Text[quote] is '@' or '$')
        {
            quote++;
        }

        if (quote >= Text.Length || Text[quote] != '"' || quote > start && start > 0 && (char.IsLetterOrDigit(Text[start - 1]) || Text[start - 1] == '_'))
        {
            return null;
        }

        var prefix = Text[start..quote];
        var run = 0;
        while (quote + run < Text.Length && Text[quote + run] == '"')
        {
            run++;
        }

        int end;
        string body;
        if (run >= 3)
        {
            var close = Text.IndexOf(new string('"', run), quote + run, StringComparison.Ordinal);
            end = close < 0 ? Text.Length : close + run;
            body = Text[(quote + run)..Math.Max(quote + run, close < 0 ? Text.Length : close)];
        }
        else if (prefix.Contains('@', StringComparison.Ordinal))
        {
            end = Verbatim(quote);
            body = Text[(quote + 1)..Math.Max(quote + 1, end - 1)].Replace("\"\"", "\"", StringComparison.Ordinal);
        }
        else
        {
            end = Escaped(quote, '"');
            body = Unescaped(Text[(quote + 1)..Math.Max(quote + 1, end - 1)], unknownKeepsBackslash: false);
        }

        return prefix.Contains('$', StringComparison.Ordinal) && Hole().IsMatch(body.Replace("{{", "", StringComparison.Ordinal))
            ? new Literal(end, null, "an interpolated string: SQL built when the migration runs")
            : new Literal(end, prefix.Contains('$', StringComparison.Ordinal) && run < 3 ? body.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal) : body);
    }

    /// <summary>The body of the method <paramref name="name"/> (<c>void Up(…) {…}</c>) as offsets inside its braces, and its first parameter's name; null when there is none.</summary>
    public (int Start, int End, string? Parameter)? MethodBody(string name)
    {
        foreach (Match method in Method().Matches(Text))
        {
            if (method.Groups["name"].Value != name)
            {
                continue;
            }

            var close = Matching(method.Index + method.Length - 1);
            var parameter = Parameter().Match(Text[(method.Index + method.Length)..Math.Min(close, Text.Length)]);
            var open = Text.IndexOf('{', Math.Min(close, Text.Length));
            return open < 0 ? null : (open + 1, Matching(open), parameter.Success ? parameter.Groups["name"].Value : null);
        }

        return null;
    }

    private int Escaped(int quote, char closing)
    {
        for (var i = quote + 1; i < Text.Length; i++)
        {
            if (Text[i] == '\\')
            {
                i++;
            }
            else if (Text[i] == closing || Text[i] == '\n')
            {
                return i + 1;
            }
        }

        return Text.Length;
    }

    private int Verbatim(int quote)
    {
        for (var i = quote + 1; i < Text.Length; i++)
        {
            if (Text[i] == '"' && (i + 1 >= Text.Length || Text[i + 1] != '"'))
            {
                return i + 1;
            }

            if (Text[i] == '"')
            {
                i++;
            }
        }

        return Text.Length;
    }

    [GeneratedRegex(@"\bvoid\s+(?<name>\w+)\s*\(")]
    private static partial Regex Method();

    [GeneratedRegex(@"^\s*(?:[\w.<>?]+\s+)?(?<name>\w+)\s*[,)]?")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Hole();
}
