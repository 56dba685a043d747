using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Tests.Todo;

public sealed class TodoMergerTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Without_an_existing_document_the_fresh_one_is_taken_as_is()
    {
        var fresh = Fresh(("missing-pk:public.a", FindingArea.SchemaDesign));

        Assert.Same(fresh, TodoMerger.Merge(null, fresh, Today));
    }

    [Fact]
    public void Finding_present_in_both_keeps_its_id_and_ticked_box_and_takes_fresh_content()
    {
        var existing = Existing(("DB-ITEM-3.4", "fk:public.orders(customer_id)", FindingArea.Indexing, true));
        var fresh = Fresh(("fk:public.orders(customer_id)", FindingArea.Indexing));

        var merged = TodoMerger.Merge(existing, fresh, Today);

        var item = Assert.Single(merged.Items);
        Assert.Equal("DB-ITEM-3.4", item.Id);
        Assert.True(item.Done);
        Assert.Equal(fresh.Items[0].Sql, item.Sql);
        var entry = Assert.Single(merged.Plan);
        Assert.Equal(existing.Plan[0].Id, entry.Id);
        Assert.Equal(["DB-ITEM-3.4"], entry.ItemIds);
        Assert.True(entry.Done);
    }

    [Fact]
    public void New_finding_gets_the_next_free_number_in_its_area_never_an_old_one()
    {
        var existing = Existing(
            ("DB-ITEM-3.1", "fk:public.a(x)", FindingArea.Indexing, false),
            ("DB-ITEM-3.7", "gone:public.b", FindingArea.Indexing, true));
        var fresh = Fresh(
            ("fk:public.a(x)", FindingArea.Indexing),
            ("fk:public.c(y)", FindingArea.Indexing),
            ("missing-pk:public.d", FindingArea.SchemaDesign));

        var merged = TodoMerger.Merge(existing, fresh, Today);

        Assert.Equal(["DB-ITEM-1.1", "DB-ITEM-3.1", "DB-ITEM-3.7", "DB-ITEM-3.8"], merged.Items.Select(item => item.Id));
        Assert.Equal("fk:public.c(y)", merged.Items.Single(item => item.Id == "DB-ITEM-3.8").FindingKey);
        Assert.Equal("missing-pk:public.d", merged.Items.Single(item => item.Id == "DB-ITEM-1.1").FindingKey);
    }

    [Fact]
    public void Item_whose_finding_is_gone_stays_ticked_with_the_date_and_its_plan_entry_becomes_done()
    {
        var existing = Existing(("DB-ITEM-5.2", "bloat:public.events", FindingArea.PerformanceTuning, false));
        var fresh = Fresh();

        var merged = TodoMerger.Merge(existing, fresh, Today);

        var item = Assert.Single(merged.Items);
        Assert.Equal("DB-ITEM-5.2", item.Id);
        Assert.True(item.Done);
        Assert.Equal("finding no longer present on 2026-11-25", item.Resolution);
        var entry = Assert.Single(merged.Plan);
        Assert.Equal(["DB-ITEM-5.2"], entry.ItemIds);
        Assert.True(entry.Done);
    }

    [Fact]
    public void Item_already_ticked_by_hand_keeps_its_own_resolution_when_its_finding_goes()
    {
        var existing = Existing(("DB-ITEM-5.2", "bloat:public.events", FindingArea.PerformanceTuning, true));

        var item = Assert.Single(TodoMerger.Merge(existing, Fresh(), Today).Items);

        Assert.True(item.Done);
        Assert.Null(item.Resolution);
    }

    [Fact]
    public void Finding_that_comes_back_after_being_ticked_as_gone_is_opened_again()
    {
        var gone = TodoMerger.Merge(Existing(("DB-ITEM-5.2", "bloat:public.events", FindingArea.PerformanceTuning, false)), Fresh(), Today);

        var back = TodoMerger.Merge(gone, Fresh(("bloat:public.events", FindingArea.PerformanceTuning)), Today.AddDays(1));

        var item = Assert.Single(back.Items);
        Assert.Equal("DB-ITEM-5.2", item.Id);
        Assert.False(item.Done);
        Assert.Null(item.Resolution);
        Assert.False(Assert.Single(back.Plan).Done);
    }

    [Fact]
    public void Plan_entry_item_ids_are_remapped_to_the_kept_and_new_ids()
    {
        var existing = Existing(("DB-ITEM-3.2", "fk:public.a(x)", FindingArea.Indexing, false));
        var fresh = Fresh(("fk:public.c(y)", FindingArea.Indexing), ("fk:public.a(x)", FindingArea.Indexing));

        var merged = TodoMerger.Merge(existing, fresh, Today);

        var entry = Assert.Single(merged.Plan);
        Assert.Equal(existing.Plan[0].Id, entry.Id);
        Assert.Equal(["DB-ITEM-3.3", "DB-ITEM-3.2"], entry.ItemIds);
        Assert.False(entry.Done);
    }

    [Fact]
    public void New_plan_entry_gets_the_next_free_plan_number_in_its_area()
    {
        var existing = Existing(("DB-ITEM-3.1", "fk:public.a(x)", FindingArea.Indexing, false));
        var fresh = Fresh(("fk:public.a(x)", FindingArea.Indexing));
        fresh = fresh with
        {
            Plan = [.. fresh.Plan, SampleTodo.Plan("DB-PLAN-3.1", FindingArea.Indexing, "indexing:unused", "DB-ITEM-3.2")],
            Items = [.. fresh.Items, SampleTodo.Item("DB-ITEM-3.2", "unused:public.i")],
        };

        var merged = TodoMerger.Merge(existing, fresh, Today);

        Assert.Equal(["DB-PLAN-3.1", "DB-PLAN-3.2"], merged.Plan.Select(entry => entry.Id));
        Assert.Equal(["DB-ITEM-3.2"], merged.Plan.Single(entry => entry.Key == "indexing:unused").ItemIds);
    }

    [Fact]
    public void Merging_the_same_fresh_document_twice_changes_nothing()
    {
        var existing = Existing(
            ("DB-ITEM-1.3", "missing-pk:public.a", FindingArea.SchemaDesign, true),
            ("DB-ITEM-3.1", "gone:public.b", FindingArea.Indexing, false));
        var fresh = Fresh(("missing-pk:public.a", FindingArea.SchemaDesign), ("fk:public.c(y)", FindingArea.Indexing));

        var once = TodoMerger.Merge(existing, fresh, Today);
        var twice = TodoMerger.Merge(once, fresh, Today.AddDays(3));

        Assert.Equal(TodoJson.Serialize(once), TodoJson.Serialize(twice));
    }

    /// <summary>A planner's output: one plan entry per area (keyed by area), IDs numbered from 1 as a fresh run does.</summary>
    private static TodoDocument Fresh(params (string FindingKey, FindingArea Area)[] findings)
    {
        var items = findings
            .Select((finding, index) => (finding.Area, Item: SampleTodo.Item(TodoIds.Item(finding.Area, index + 1), finding.FindingKey)))
            .ToList();
        return new TodoDocument
        {
            Context = SampleTodo.Context,
            Plan = items.GroupBy(pair => pair.Area)
                .Select(group => SampleTodo.Plan(
                    TodoIds.Plan(group.Key, 1), group.Key, $"area:{group.Key}", [.. group.Select(pair => pair.Item.Id)]))
                .ToList(),
            Items = items.Select(pair => pair.Item).ToList(),
        };
    }

    private static TodoDocument Existing(params (string Id, string FindingKey, FindingArea Area, bool Done)[] items) => new()
    {
        Context = SampleTodo.Context,
        Plan = items.GroupBy(item => item.Area)
            .Select(group => SampleTodo.Plan(
                TodoIds.Plan(group.Key, 1), group.Key, $"area:{group.Key}", [.. group.Select(item => item.Id)]) with
            {
                Done = group.All(item => item.Done),
            })
            .ToList(),
        Items = items.Select(item => SampleTodo.Item(item.Id, item.FindingKey) with { Done = item.Done, Sql = "-- old SQL" }).ToList(),
    };
}
