using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Todo.Markdown;

namespace DbArchitect.Core.Tests.Todo;

public sealed class TodoMarkdownRoundTripTests
{
    [Fact]
    public void Rich_document_survives_render_and_parse_unchanged()
    {
        var document = SampleTodo.Rich();

        var parsed = TodoMarkdownParser.Parse(TodoMarkdownRenderer.Render(document));

        Assert.Equal(TodoJson.Serialize(document), TodoJson.Serialize(parsed));
    }

    [Fact]
    public void Rendering_is_deterministic_and_uses_lf_line_endings()
    {
        var first = TodoMarkdownRenderer.Render(SampleTodo.Rich());
        var second = TodoMarkdownRenderer.Render(SampleTodo.Rich());

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first);
    }

    [Fact]
    public void Boxes_ticked_by_hand_with_x_or_capital_x_are_read_as_done()
    {
        var markdown = TodoMarkdownRenderer.Render(SampleTodo.Rich())
            .Replace("- [ ] **DB-ITEM-1.1**", "- [X] **DB-ITEM-1.1**", StringComparison.Ordinal)
            .Replace("- [ ] **DB-QA-2**", "- [x] **DB-QA-2**", StringComparison.Ordinal);

        var parsed = TodoMarkdownParser.Parse(markdown);

        Assert.True(parsed.Items.Single(item => item.Id == "DB-ITEM-1.1").Done);
        Assert.True(parsed.QualityChecklist.Single(check => check.Id == "DB-QA-2").Done);
    }

    [Fact]
    public void File_saved_with_crlf_line_endings_reads_the_same()
    {
        var document = SampleTodo.Rich();

        var parsed = TodoMarkdownParser.Parse(TodoMarkdownRenderer.Render(document).ReplaceLineEndings("\r\n"));

        Assert.Equal(TodoJson.Serialize(document), TodoJson.Serialize(parsed));
    }

    [Fact]
    public void Prose_edited_by_hand_is_read_with_the_markup_the_person_typed()
    {
        var markdown = TodoMarkdownRenderer.Render(SampleTodo.Rich())
            .Replace("- **Testing:** Run it.", "- **Testing:** Run it *twice*, then check `pg_stat_user_indexes`.", StringComparison.Ordinal);

        var parsed = TodoMarkdownParser.Parse(markdown);

        Assert.Equal("Run it *twice*, then check `pg_stat_user_indexes`.", parsed.Items[1].Testing);
    }

    [Fact]
    public void Text_that_looks_like_markup_is_rendered_as_literal_text()
    {
        var markdown = TodoMarkdownRenderer.Render(SampleTodo.Rich());

        Assert.Contains("- \\# not a heading", markdown);
        Assert.Contains("- **Version:** 15.18", markdown);
        Assert.Contains("orders.customer_id has no index", markdown);
    }

    [Fact]
    public void A_file_without_the_context_section_is_rejected_naming_the_line()
    {
        var exception = Assert.Throws<FormatException>(() => TodoMarkdownParser.Parse("# Shopping list\n\n- [ ] milk\n"));

        Assert.StartsWith("line 1:", exception.Message);
    }

    [Fact]
    public void A_task_without_its_bold_id_is_rejected_naming_the_line()
    {
        var markdown = TodoMarkdownRenderer.Render(SampleTodo.Rich())
            .Replace("- [ ] **DB-ITEM-1.1** Add", "- [ ] Add", StringComparison.Ordinal);

        var exception = Assert.Throws<FormatException>(() => TodoMarkdownParser.Parse(markdown));

        Assert.Matches("^line [0-9]+: expected the task ID", exception.Message);
    }

    [Theory]
    [InlineData("**bold** _it_ `code` ``double`` <b>html</b> &amp; [link](http://x) ![img](y)")]
    [InlineData("# heading\n- bullet\n+ plus\n* star\n1. one\n2) two\n> quote\n===\n---\n***\n```\n<div>")]
    [InlineData("back\\slash\\ at end\\")]
    [InlineData("pipes | and || tables |")]
    [InlineData("\"Quoted Ident\" ümlaut ÆØÅ 表 ❤ x_y_ _lead trail_ __dunder__")]
    [InlineData("a — b — _c_")]
    [InlineData("1986. A year\n\nSecond paragraph * with ** stars")]
    [InlineData("[ ] [x] not a box")]
    public void Awkward_text_in_every_field_survives_the_round_trip(string text)
    {
        // Bold labels, table names, headings and QA lines cannot span lines, so those fields get the text on one line.
        var line = string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var rich = SampleTodo.Rich();
        var document = rich with
        {
            Context = rich.Context with
            {
                Source = text,
                SchemaOverview = text,
                PainPoints = [text],
                DataDictionary = [rich.Context.DataDictionary[0] with { Table = line, Columns = [text], Comment = text }],
            },
            Plan = [rich.Plan[0] with { Title = text, TablesAffected = [text], RollbackPlan = text, Key = text }, rich.Plan[1]],
            Items =
            [
                rich.Items[0] with
                {
                    Title = text,
                    FindingKey = text,
                    Rationale = text,
                    Testing = text,
                    Evidence = [new Evidence(line, text)],
                    Creates = [text],
                    Resolution = text,
                },
                .. rich.Items.Skip(1),
            ],
            CodeChanges = [new CodeChange { Title = line, Path = line, Diff = text }],
            Commands = [new CommandLine { Purpose = line, Command = text }],
            QualityChecklist = [new QaCheck { Id = "DB-QA-1", Done = true, Text = line, Evidence = line }],
        };

        var parsed = TodoMarkdownParser.Parse(TodoMarkdownRenderer.Render(document));

        Assert.Equal(TodoJson.Serialize(document), TodoJson.Serialize(parsed));
    }
}
