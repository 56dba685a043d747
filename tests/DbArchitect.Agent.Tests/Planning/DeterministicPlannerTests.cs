using DbArchitect.Agent.Planning;
using DbArchitect.Core.Findings;

namespace DbArchitect.Agent.Tests.Planning;

public sealed class DeterministicPlannerTests
{
    private static Finding Make(string rule, string subject, Severity severity, FindingArea area, bool remedy = true) => new()
    {
        RuleId = rule,
        Subject = subject,
        Severity = severity,
        Area = area,
        Title = $"{rule} on {subject}",
        Rationale = "because",
        Tables = [subject],
        Remedy = remedy
            ? new Remedy { Kind = ChangeKind.Index, Strategy = MigrationStrategy.OnlineDdl, Up = $"CREATE INDEX CONCURRENTLY ON {subject} (id);", Down = "DROP INDEX CONCURRENTLY x;" }
            : null,
    };

    [Fact]
    public void Items_are_numbered_by_area_and_worst_rule_first()
    {
        var findings = new[]
        {
            Make("fk-without-index", "public.b", Severity.Medium, FindingArea.Indexing),
            Make("missing-primary-key", "public.a", Severity.High, FindingArea.SchemaDesign),
            Make("invalid-index", "public.c", Severity.High, FindingArea.Indexing),
            Make("fk-without-index", "public.a", Severity.Medium, FindingArea.Indexing),
        };

        var work = new DeterministicPlanner().Plan(findings);

        Assert.Equal(["DB-PLAN-1.1", "DB-PLAN-3.1", "DB-PLAN-3.2"], work.Plan.Select(p => p.Id));
        Assert.Equal("missing-primary-key:public.a", work.Items.Single(i => i.Id == "DB-ITEM-1.1").FindingKey);
        Assert.Equal("invalid-index:public.c", work.Items.Single(i => i.Id == "DB-ITEM-3.1").FindingKey);
        Assert.Equal(["DB-ITEM-3.2", "DB-ITEM-3.3"], work.Plan.Single(p => p.Id == "DB-PLAN-3.2").ItemIds);
        Assert.Equal(["public.a", "public.b"], work.Plan.Single(p => p.Id == "DB-PLAN-3.2").TablesAffected);
    }

    [Fact]
    public void Same_findings_in_any_order_give_the_same_ids()
    {
        var findings = Enumerable.Range(0, 30)
            .Select(i => Make(i % 3 == 0 ? "rule-a" : "rule-b", $"public.t{i:00}", (Severity)(i % 5), (FindingArea)(i % 6)))
            .ToList();
        var shuffled = findings.OrderBy(f => f.Subject.GetHashCode(StringComparison.Ordinal)).ToList();

        var a = new DeterministicPlanner().Plan(findings);
        var b = new DeterministicPlanner().Plan(shuffled);

        Assert.Equal(a.Items.Select(i => (i.Id, i.FindingKey)), b.Items.Select(i => (i.Id, i.FindingKey)));
        Assert.Equal(a.Plan.Select(p => (p.Id, p.Key)), b.Plan.Select(p => (p.Id, p.Key)));
    }

    [Fact]
    public void Findings_without_a_remedy_are_pain_points_not_items()
    {
        var findings = new[] { Make("cache-hit-rate", "database", Severity.Low, FindingArea.PerformanceTuning, remedy: false) };

        var work = new DeterministicPlanner().Plan(findings);

        Assert.Empty(work.Items);
        Assert.Empty(work.Plan);
        Assert.Equal(["[Low] cache-hit-rate on database"], work.PainPoints);
    }

    [Fact]
    public void A_table_rewrite_is_not_labelled_a_standard_migration()
    {
        var finding = Make("float-for-money", "public.orders(total)", Severity.Medium, FindingArea.SchemaDesign) with
        {
            Remedy = new Remedy { Kind = ChangeKind.SchemaChange, Strategy = MigrationStrategy.TableRewrite, Up = "ALTER TABLE orders ALTER COLUMN total TYPE numeric(19,4);", Down = "ALTER TABLE orders ALTER COLUMN total TYPE float8;" },
        };

        var entry = Assert.Single(new DeterministicPlanner().Plan([finding]).Plan);

        Assert.DoesNotContain("Standard", entry.MigrationStrategy, StringComparison.Ordinal);
        Assert.Contains("ACCESS EXCLUSIVE", entry.MigrationStrategy, StringComparison.Ordinal);
        Assert.Contains("maintenance window", entry.MigrationStrategy, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_findings_of_one_rule_become_one_plan_entry_whose_last_item_carries_the_rest_as_one_script()
    {
        var findings = Enumerable.Range(0, 250).Select(i => Make("fk-without-index", $"public.t{i:000}", Severity.High, FindingArea.Indexing)).ToList();

        var work = new DeterministicPlanner().Plan(findings);

        var entry = Assert.Single(work.Plan);
        Assert.Contains("250 objects", entry.Title, StringComparison.Ordinal);
        Assert.Equal(250, entry.TablesAffected.Count);
        Assert.Equal(DeterministicPlanner.ItemsPerEntry, work.Items.Count);
        var rest = work.Items[^1];
        Assert.StartsWith("... and 241 more", rest.Title, StringComparison.Ordinal);
        Assert.Equal("fk-without-index:public.t009", rest.FindingKey);
        Assert.Equal(240, rest.AlsoCovers.Count);
        Assert.Equal(241, rest.Sql.Split("CREATE INDEX CONCURRENTLY", StringSplitOptions.None).Length - 1);
        Assert.Equal(241, rest.Rollback.Split("DROP INDEX CONCURRENTLY", StringSplitOptions.None).Length - 1);
        var covered = work.Items.SelectMany(item => item.AlsoCovers.Prepend(item.FindingKey)).ToHashSet(StringComparer.Ordinal);
        Assert.All(findings, f => Assert.Contains(f.Key, covered));
    }
}
