using System.Globalization;
using Markdig.Syntax;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>Collects the Context section's blocks, subsection by subsection, and builds the <see cref="TodoContext"/>.</summary>
internal sealed class ContextMarkdownParser
{
    private readonly Dictionary<string, MarkdownField> _facts = new(StringComparer.Ordinal);
    private readonly List<string> _overview = [];
    private readonly List<DataDictionaryEntry> _dictionary = [];
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);
    private string _erDiagram = "";
    private int _line = 1;

    public void Add(Block block, string? subsection)
    {
        _line = Math.Max(_line, block.Line + 1);
        var label = MarkdownText.Normalize(subsection ?? "");
        switch (block)
        {
            case ListBlock list when subsection is null:
                foreach (var field in Items(list).Select(MarkdownField.FromListItem))
                {
                    _facts.TryAdd(field.Label, field);
                }

                break;
            case ParagraphBlock paragraph when label == MarkdownText.Normalize(TodoLabels.SchemaOverview):
                _overview.Add(InlineText.Of(paragraph));
                break;
            case FencedCodeBlock code when label == MarkdownText.Normalize(TodoLabels.SchemaOverview):
                _erDiagram = MarkdownField.CodeOf(code);
                break;
            case ListBlock list when label == MarkdownText.Normalize(TodoLabels.DataDictionary):
                _dictionary.AddRange(Items(list).Select(item => DictionaryEntry(MarkdownField.FromListItem(item))));
                break;
            case ListBlock list when subsection is not null:
                if (!_lists.TryGetValue(label, out var lines))
                {
                    _lists[label] = lines = [];
                }

                lines.AddRange(Items(list).Select(item => MarkdownField.FromListItem(item).FullText));
                break;
        }
    }

    public TodoContext Build() => new()
    {
        Engine = Fact(TodoLabels.Engine) ?? throw new FormatException($"line {_line}: the Context section has no \"{TodoLabels.Engine}:\" line"),
        EngineVersion = Fact(TodoLabels.Version) ?? "",
        Source = Fact(TodoLabels.Source) ?? "",
        Generator = Fact(TodoLabels.Generator) ?? "",
        SchemaOverview = string.Join("\n\n", _overview),
        ErDiagram = _erDiagram,
        DataDictionary = _dictionary,
        PainPoints = List(TodoLabels.PainPoints),
        Volumes = List(TodoLabels.Volumes),
        Workload = List(TodoLabels.Workload),
    };

    private static IEnumerable<ListItemBlock> Items(ListBlock list) => list.OfType<ListItemBlock>();

    private static DataDictionaryEntry DictionaryEntry(MarkdownField table)
    {
        var fields = table.ChildFields().GroupBy(field => field.Label).ToDictionary(group => group.Key, group => group.First());
        string Text(string label) => fields.GetValueOrDefault(MarkdownText.Normalize(label))?.Text ?? "";
        var rows = Text(TodoLabels.EstimatedRows);
        return new DataDictionaryEntry
        {
            Table = table.Lead ?? table.Text,
            EstimatedRows = long.TryParse(rows, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw table.Error($"estimated rows of {table.Lead} is not a whole number: \"{rows}\""),
            Size = Text(TodoLabels.Size),
            Columns = fields.GetValueOrDefault(MarkdownText.Normalize(TodoLabels.Columns))?.ChildTexts() ?? [],
            Comment = Text(TodoLabels.Comment),
        };
    }

    private string? Fact(string label) => _facts.GetValueOrDefault(MarkdownText.Normalize(label))?.Text;

    private IReadOnlyList<string> List(string heading) =>
        _lists.GetValueOrDefault(MarkdownText.Normalize(heading)) ?? [];
}
