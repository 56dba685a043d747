using System.Text;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>Writes the TODO's Markdown line by line, always with LF line endings.</summary>
internal sealed class MarkdownBuilder
{
    private readonly StringBuilder _text = new();

    public MarkdownBuilder Line(string line = "")
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public MarkdownBuilder Heading(int level, string text) =>
        Line($"{new string('#', level)} {MarkdownText.EscapeSingleLine(text)}").Line();

    /// <summary><c>- [ ] **ID** title</c> at the given indent.</summary>
    public MarkdownBuilder Task(int indent, bool done, string id, string title) =>
        TaskWithMarkdownTitle(indent, done, id, MarkdownText.Escape(title, indent + 2));

    /// <summary>Like <see cref="Task"/>, for a title that is already Markdown.</summary>
    public MarkdownBuilder TaskWithMarkdownTitle(int indent, bool done, string id, string markdownTitle) =>
        Line($"{Pad(indent)}- [{(done ? 'x' : ' ')}] **{MarkdownText.EscapeSingleLine(id)}** {markdownTitle}".TrimEnd());

    /// <summary>
    /// <c>- **Label:** value</c> at the given indent; continuation lines of the value stay inside the
    /// bullet. Bold cannot span lines, so the label is put on one.
    /// </summary>
    public MarkdownBuilder Field(int indent, string label, string value) =>
        Line($"{Pad(indent)}- **{MarkdownText.EscapeSingleLine(label)}:** {MarkdownText.Escape(value, indent + 2)}".TrimEnd());

    /// <summary>A bulleted list under a field label; omitted when there is nothing to list.</summary>
    public MarkdownBuilder ListField(int indent, string label, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return this;
        }

        Line($"{Pad(indent)}- **{MarkdownText.EscapeSingleLine(label)}:**");
        foreach (var value in values)
        {
            Bullet(indent + 2, value);
        }

        return this;
    }

    public MarkdownBuilder Bullet(int indent, string text) =>
        Line($"{Pad(indent)}- {MarkdownText.Escape(text, indent + 2, startsBlock: true)}".TrimEnd());

    /// <summary>A field whose value is a fenced code block, e.g. the item's DDL/DML.</summary>
    public MarkdownBuilder CodeField(int indent, string label, string language, string code)
    {
        Line($"{Pad(indent)}- **{MarkdownText.EscapeSingleLine(label)}:**").Line();
        return CodeBlock(indent + 2, language, code).Line();
    }

    public MarkdownBuilder CodeBlock(int indent, string language, string code)
    {
        var fence = MarkdownText.Fence(code);
        Line($"{Pad(indent)}{fence}{language}");
        foreach (var line in TrimBlankEdges(code))
        {
            Line(line.Length == 0 ? "" : Pad(indent) + line);
        }

        return Line($"{Pad(indent)}{fence}");
    }

    public override string ToString() => _text.ToString().TrimEnd('\n') + "\n";

    private static string Pad(int indent) => new(' ', indent);

    private static IEnumerable<string> TrimBlankEdges(string code)
    {
        var lines = code.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd()).ToList();
        var first = lines.FindIndex(line => line.Length > 0);
        var last = lines.FindLastIndex(line => line.Length > 0);
        return first < 0 ? [] : lines[first..(last + 1)];
    }
}
