using DbArchitect.Agent.Planning;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Tests.Planning;

public sealed class MigrationPatchesTests
{
    private static Finding Make(string rule, string subject, ChangeKind kind) => new()
    {
        RuleId = rule,
        Subject = subject,
        Severity = Severity.Medium,
        Area = FindingArea.Indexing,
        Title = $"{rule} on {subject}",
        Rationale = "because",
        Remedy = new Remedy { Kind = kind, Strategy = MigrationStrategy.OnlineDdl, Up = $"CREATE INDEX CONCURRENTLY {subject}_idx ON t (a);", Down = $"DROP INDEX CONCURRENTLY {subject}_idx;" },
    };

    private static TodoDocument Document(PlannedWork work) => new()
    {
        Context = new TodoContext { Engine = "PostgreSQL", EngineVersion = "15", Source = "test", Generator = "test" },
        Plan = work.Plan,
        Items = work.Items,
    };

    [Fact]
    public void Schema_changing_plan_entries_become_up_and_down_migration_files_in_the_repository_folder()
    {
        var repository = Directory.CreateTempSubdirectory("dbarch-repo-");
        try
        {
            Directory.CreateDirectory(Path.Combine(repository.FullName, "migrations"));
            var work = new DeterministicPlanner().Plan([Make("fk-without-index", "a", ChangeKind.Index), Make("fk-without-index", "b", ChangeKind.Index), Make("table-dead-tuples", "c", ChangeKind.Maintenance)]);

            var change = Assert.Single(MigrationPatches.Build(Document(work), repository.FullName, new DateOnly(2026, 11, 25)));

            Assert.Equal("migrations/20261125_db-plan-3_1.up.sql", change.Path);
            Assert.Contains("+++ b/migrations/20261125_db-plan-3_1.down.sql", change.Diff, StringComparison.Ordinal);
            var down = change.Diff[change.Diff.IndexOf(".down.sql", StringComparison.Ordinal)..];
            Assert.True(down.IndexOf("DROP INDEX CONCURRENTLY b_idx", StringComparison.Ordinal) < down.IndexOf("DROP INDEX CONCURRENTLY a_idx", StringComparison.Ordinal), "rollback runs in reverse order");
            Assert.DoesNotContain("c_idx", change.Diff, StringComparison.Ordinal);
        }
        finally
        {
            repository.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_a_repository_the_files_go_to_db_migrations()
    {
        var work = new DeterministicPlanner().Plan([Make("fk-without-index", "a", ChangeKind.Index)]);

        var change = Assert.Single(MigrationPatches.Build(Document(work), null, new DateOnly(2026, 1, 2)));

        Assert.StartsWith("db/migrations/20260102_", change.Path, StringComparison.Ordinal);
        Assert.StartsWith("--- /dev/null\n+++ b/db/migrations/", change.Diff, StringComparison.Ordinal);
    }
}
