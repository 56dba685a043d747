using System.Text;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>
/// Turns model text into Markdown that CommonMark reads back as the same literal text: markup
/// characters are backslash-escaped, and so is anything at the start of a line that would open a
/// block (list, heading, quote). Leading and trailing spaces of each line are not kept, because
/// Markdown does not keep them either.
/// </summary>
internal static class MarkdownText
{
    private const string AlwaysEscaped = "\\`*[]<#&";
    private const string EscapedAtLineStart = "-+=>";

    /// <summary>
    /// Escapes <paramref name="text"/>; lines after the first are indented by <paramref name="indent"/>
    /// spaces. <paramref name="startsBlock"/> says whether the first line begins a block (a bullet or a
    /// paragraph) rather than following other text on its line.
    /// </summary>
    public static string Escape(string text, int indent = 0, bool startsBlock = false)
    {
        var builder = new StringBuilder(text.Length + 16);
        var lines = NormalizeLines(text).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (index > 0)
            {
                builder.Append('\n');
                if (lines[index].Length > 0)
                {
                    builder.Append(' ', indent);
                }
            }

            AppendLine(builder, lines[index], startsBlock || index > 0);
        }

        return builder.ToString();
    }

    /// <summary>Escaped text on one line, for headings.</summary>
    public static string EscapeSingleLine(string text) =>
        Escape(string.Join(' ', NormalizeLines(text).Split('\n', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>A backtick fence longer than any backtick run inside <paramref name="code"/>.</summary>
    public static string Fence(string code)
    {
        var longest = 0;
        var run = 0;
        foreach (var character in code)
        {
            run = character == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }

    /// <summary>"SchemaChange" becomes "Schema change": how the role definition writes types.</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var index = 0; index < name.Length; index++)
        {
            if (index > 0 && char.IsUpper(name[index]))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(name[index]));
            }
            else
            {
                builder.Append(name[index]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Reads an enum from words written by <see cref="Words{TEnum}"/> or edited by a person.</summary>
    public static bool TryParseWords<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        var compact = new string(text.Where(char.IsLetterOrDigit).ToArray());
        return Enum.TryParse(compact, ignoreCase: true, out value)
            && Enum.IsDefined(value)
            && !compact.All(char.IsDigit);
    }

    /// <summary>Letters only, lower case: how labels and headings are compared.</summary>
    public static string Normalize(string text) =>
        new(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    /// <summary>An underscore between letters or digits can neither open nor close emphasis.</summary>
    private static bool IsIntraword(string line, int index) =>
        index > 0 && index < line.Length - 1
        && char.IsLetterOrDigit(line[index - 1]) && char.IsLetterOrDigit(line[index + 1]);

    private static string NormalizeLines(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()))
            .Trim('\n');

    private static void AppendLine(StringBuilder builder, string line, bool atLineStart)
    {
        var digits = 0;
        while (atLineStart && digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        for (var index = 0; index < line.Length; index++)
        {
            var character = line[index];
            var opensBlock = atLineStart
                && ((index == 0 && EscapedAtLineStart.Contains(character))
                    || (index == digits && digits > 0 && character is '.' or ')'));
            if (opensBlock || AlwaysEscaped.Contains(character) || (character == '_' && !IsIntraword(line, index)))
            {
                builder.Append('\\');
            }

            builder.Append(character);
        }
    }
}
