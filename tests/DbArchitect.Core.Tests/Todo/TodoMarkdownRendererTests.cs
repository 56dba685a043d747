using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Todo.Markdown;

namespace DbArchitect.Core.Tests.Todo;

public sealed class TodoMarkdownRendererTests
{
    private static readonly string Markdown = TodoMarkdownRenderer.Render(SampleTodo.Rich());

    [Fact]
    public void Sections_follow_the_role_definition_in_order()
    {
        string[] headings =
        [
            "# TODO — Database Architect\n",
            "\n## Context\n",
            "\n## Database Plan\n",
            "\n## Database Items\n",
            "\n## Proposed Code Changes\n",
            "\n## Commands\n",
            "\n## Quality Assurance Task Checklist\n",
        ];

        var positions = headings.Select(heading => Markdown.IndexOf(heading, StringComparison.Ordinal)).ToList();

        Assert.All(positions, position => Assert.True(position >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Context_has_engine_version_mermaid_diagram_and_data_dictionary()
    {
        Assert.Contains("- **Engine:** PostgreSQL\n- **Version:** 15.18\n", Markdown);
        Assert.Contains("```mermaid\nerDiagram\n", Markdown);
        Assert.Contains("### Data Dictionary\n\n- **public.orders**\n  - **Estimated Rows:** 120000\n", Markdown);
    }

    [Fact]
    public void Plan_entries_are_checkboxes_with_their_fields_and_key()
    {
        Assert.Contains(
            "### Indexing Strategy\n\n- [x] **DB-PLAN-3.1** Plan DB-PLAN-3.1\n  - **Tables Affected:**\n    - public.orders\n"
            + "  - **Migration Strategy:** Online DDL\n  - **Rollback Plan:** Run the rollback blocks in reverse order.\n"
            + "  - **Performance Impact:** Faster joins.\n  - **Items:** DB-ITEM-3.1, DB-ITEM-3.2\n  - **Key:** indexing:fk-without-index\n",
            Markdown);
    }

    [Fact]
    public void Items_carry_sql_and_rollback_in_fenced_sql_blocks()
    {
        Assert.Contains("  - **DDL/DML:**\n\n    ```sql\n    ALTER TABLE \"Sales\".\"Order Items\"\n        ADD COLUMN", Markdown);
        Assert.Contains("  - **Rollback:**\n\n    ```sql\n    ALTER TABLE \"Sales\".\"Order Items\"\n    \tDROP COLUMN id;\n    ```\n", Markdown);
        Assert.Contains("  - **Resolution:** finding no longer present on 2026-11-25\n", Markdown);
    }

    [Fact]
    public void Code_changes_commands_and_qa_lines_have_the_role_definition_shape()
    {
        Assert.Contains("### Migration for the orders index\n\n**Path:** db/migrations/V7\\_\\_orders_customer_id_idx.sql\n\n```diff\n", Markdown);
        Assert.Contains("### Apply the migrations\n\n```bash\nflyway ", Markdown);
        Assert.Contains("- [x] **DB-QA-1** All tables have primary keys — _catalog: 0 of 3 tables without PK — checked_\n", Markdown);
    }

    [Fact]
    public void Plan_and_items_are_grouped_by_area_in_area_order_whatever_the_model_order()
    {
        var rich = SampleTodo.Rich();
        var shuffled = rich with { Plan = [.. rich.Plan.Reverse()], Items = [.. rich.Items.Reverse()] };
        var unplanned = SampleTodo.Item("DB-ITEM-6.1", "orphan:public.x");

        var markdown = TodoMarkdownRenderer.Render(shuffled with { Items = [unplanned, .. shuffled.Items] });

        var items = markdown.IndexOf("## Database Items", StringComparison.Ordinal);
        var order = new[] { "**DB-PLAN-1.1**", "**DB-PLAN-3.1**", "## Database Items", "### Schema Design", "**DB-ITEM-1.1**", "### Indexing Strategy", "**DB-ITEM-3.2**", "**DB-ITEM-3.1**", "### Not in the plan", "**DB-ITEM-6.1**" }
            .Select((text, index) => markdown.IndexOf(text, index < 3 ? 0 : items, StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Equal(FindingArea.SchemaDesign, TodoMarkdownParser.Parse(markdown).Plan[0].Area);
    }
}
