using DbArchitect.Core.Findings;
using Markdig;
using Markdig.Syntax;

namespace DbArchitect.Core.Todo.Markdown;

/// <summary>
/// Reads <c>TODO_database-architect.md</c> back into a <see cref="TodoDocument"/> by walking
/// Markdig's syntax tree. It accepts what a person does to the file by hand: ticking boxes with
/// <c>[x]</c> or <c>[X]</c>, rewording prose, adding emphasis. It rejects a file whose structure is
/// gone (no Context, a task without checkbox or ID, an unknown type) with a
/// <see cref="FormatException"/> that names the line.
/// </summary>
public static class TodoMarkdownParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseTaskLists().Build();

    public static TodoDocument Parse(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var reader = new SectionReader();
        foreach (var block in document)
        {
            reader.Add(block);
        }

        return reader.Build();
    }

    private enum Section
    {
        None,
        Context,
        Plan,
        Items,
        CodeChanges,
        Commands,
        Quality,
    }

    /// <summary>Follows the headings and hands each block to the reader of the section it is in.</summary>
    private sealed class SectionReader
    {
        private readonly ContextMarkdownParser _context = new();
        private readonly List<PlanEntry> _plan = [];
        private readonly List<TodoItem> _items = [];
        private readonly List<CodeChange> _codeChanges = [];
        private readonly List<CommandLine> _commands = [];
        private readonly List<QaCheck> _checks = [];
        private Section _section;
        private string? _subsection;
        private int _subsectionLine;
        private string? _path;
        private bool _sawContext;

        public void Add(Block block)
        {
            if (block is HeadingBlock heading)
            {
                EnterHeading(heading);
                return;
            }

            switch (_section)
            {
                case Section.Context:
                    _context.Add(block, _subsection);
                    break;
                case Section.Plan when block is ListBlock list:
                    var area = PlanArea();
                    _plan.AddRange(Items(list).Select(item => TaskMarkdownParser.ParsePlanEntry(item, area)));
                    break;
                case Section.Items when block is ListBlock list:
                    _items.AddRange(Items(list).Select(TaskMarkdownParser.ParseItem));
                    break;
                case Section.CodeChanges:
                    AddToCodeChange(block);
                    break;
                case Section.Commands when block is FencedCodeBlock code && _subsection is not null:
                    _commands.Add(new CommandLine { Purpose = _subsection, Command = MarkdownField.CodeOf(code) });
                    break;
                case Section.Quality when block is ListBlock list:
                    _checks.AddRange(Items(list).Select(TaskMarkdownParser.ParseQaCheck));
                    break;
            }
        }

        public TodoDocument Build()
        {
            if (!_sawContext)
            {
                throw new FormatException($"line 1: no \"## {TodoLabels.Context}\" section; this is not a TODO written by dbarch");
            }

            return new TodoDocument
            {
                Context = _context.Build(),
                Plan = _plan,
                Items = _items,
                CodeChanges = _codeChanges,
                Commands = _commands,
                QualityChecklist = _checks,
            };
        }

        private void EnterHeading(HeadingBlock heading)
        {
            var text = InlineText.Of(heading);
            if (heading.Level <= 2)
            {
                _section = heading.Level == 2 ? SectionNamed(text) : Section.None;
                _sawContext |= _section == Section.Context;
                _subsection = null;
                return;
            }

            _subsection = text;
            _subsectionLine = heading.Line + 1;
            _path = null;
        }

        private static Section SectionNamed(string heading) => MarkdownText.Normalize(heading) switch
        {
            var name when name == MarkdownText.Normalize(TodoLabels.Context) => Section.Context,
            var name when name == MarkdownText.Normalize(TodoLabels.Plan) => Section.Plan,
            var name when name == MarkdownText.Normalize(TodoLabels.Items) => Section.Items,
            var name when name == MarkdownText.Normalize(TodoLabels.CodeChanges) => Section.CodeChanges,
            var name when name == MarkdownText.Normalize(TodoLabels.Commands) => Section.Commands,
            var name when name == MarkdownText.Normalize(TodoLabels.Quality) => Section.Quality,
            _ => Section.None,
        };

        private FindingArea PlanArea() =>
            _subsection is not null && TodoAreas.TryFromHeading(_subsection, out var area)
                ? area
                : throw new FormatException(
                    $"line {_subsectionLine}: plan entries must sit under an area heading ({string.Join(", ", TodoAreas.InOrder.Select(TodoAreas.Heading))})");

        private void AddToCodeChange(Block block)
        {
            if (block is ParagraphBlock paragraph && MarkdownField.FromParagraph(paragraph) is var field
                && field.Label == MarkdownText.Normalize(TodoLabels.Path))
            {
                _path = field.Text;
            }
            else if (block is FencedCodeBlock code && _subsection is not null)
            {
                _codeChanges.Add(new CodeChange { Title = _subsection, Path = _path ?? "", Diff = MarkdownField.CodeOf(code) });
            }
        }

        private static IEnumerable<ListItemBlock> Items(ListBlock list) => list.OfType<ListItemBlock>();
    }
}
