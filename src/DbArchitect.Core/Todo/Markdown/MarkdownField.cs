using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>
/// One bullet of the TODO read as data: an optional checkbox, a bold lead (an ID or a field
/// label), the text after it, and what is nested under it (bullets, a fenced code block).
/// </summary>
internal sealed record MarkdownField
{
    public bool? Checked { get; init; }

    /// <summary>The bold text the bullet opens with, as written; null when there is none.</summary>
    public string? Lead { get; init; }

    /// <summary>The lead without the colon that ends a field label.</summary>
    public string Name => Lead is { } lead && lead.EndsWith(':') ? lead[..^1].TrimEnd() : Lead ?? "";

    public string Text { get; init; } = "";
    public IReadOnlyList<ListItemBlock> Children { get; init; } = [];
    public string? Code { get; init; }

    /// <summary>1-based line in the Markdown file, for error messages.</summary>
    public int Line { get; init; }

    public string Label => MarkdownText.Normalize(Name);

    public static MarkdownField FromListItem(ListItemBlock item)
    {
        var paragraphs = item.OfType<ParagraphBlock>().ToList();
        var field = paragraphs.Count > 0 ? FromParagraph(paragraphs[0]) : new MarkdownField();
        var moreText = paragraphs.Skip(1).Select(InlineText.Of).ToList();
        return field with
        {
            Text = string.Join("\n\n", new[] { field.Text }.Concat(moreText).Where(part => part.Length > 0)),
            Children = item.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>()).ToList(),
            Code = item.OfType<FencedCodeBlock>().Select(CodeOf).FirstOrDefault(),
            Line = item.Line + 1,
        };
    }

    public static MarkdownField FromParagraph(ParagraphBlock paragraph)
    {
        var inlines = paragraph.Inline?.ToList() ?? [];
        var index = 0;
        bool? isChecked = null;
        if (index < inlines.Count && inlines[index] is TaskList taskList)
        {
            isChecked = taskList.Checked;
            index++;
        }

        while (index < inlines.Count && inlines[index] is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())
        {
            index++;
        }

        string? lead = null;
        if (index < inlines.Count && inlines[index] is EmphasisInline { DelimiterCount: 2 } strong)
        {
            lead = InlineText.Of(strong).Trim();
            index++;
        }

        return new MarkdownField
        {
            Checked = isChecked,
            Lead = lead,
            Text = InlineText.Of(inlines.Skip(index)).Trim(),
            Line = paragraph.Line + 1,
        };
    }

    public static string CodeOf(FencedCodeBlock block) =>
        string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString()));

    /// <summary>Nested bullets read as plain text lines (tables affected, columns, pain points…).</summary>
    public IReadOnlyList<string> ChildTexts() => Children.Select(child => FromListItem(child).FullText).ToList();

    public IReadOnlyList<MarkdownField> ChildFields() => Children.Select(FromListItem).ToList();

    /// <summary>The bullet's whole text, with any bold lead put back (for bullets that are plain lines).</summary>
    public string FullText => Lead is null ? Text : $"**{Lead}** {Text}".TrimEnd();

    public FormatException Error(string message) => new($"line {Line}: {message}");
}
