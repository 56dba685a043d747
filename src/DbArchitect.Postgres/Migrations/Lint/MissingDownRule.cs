using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>A migration without a down in a convention that has them: it cannot be rolled back, and nothing proves it could be.</summary>
public sealed class MissingDownRule : IMigrationRule
{
    public string Id => "missing-down";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.Medium;

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var migration = facts.Migration;
        if (!facts.IsFirst || !migration.HasDownConvention || MigrationDowns.Runnable(migration) is not null)
        {
            yield break;
        }

        var advice = DownAdvice.For(migration.Convention);
        if (MigrationDowns.WrittenInCode(migration))
        {
            var first = migration.UnreadInDown[0];
            yield return MigrationFindings.Of(this, facts, migration.Name, $"Migration {migration.Label} has a down of builder calls or computed SQL the linter does not read ({migration.UnreadInDown.Count}, the first on line {first.Line})",
                "Its down is there, but written as code the linter does not read (each call is listed as not analysed with its line), so nothing here checks that it undoes the up, and dbarch migrations verify cannot run it.",
                null, $"Check by hand that the down's builder calls restore the schema and the data the up changed; for the linter and dbarch migrations verify to read it, its SQL goes in the raw-SQL call. {advice}");
            yield break;
        }

        yield return MigrationFindings.Of(this, facts, migration.Name, $"Migration {migration.Label} has {(migration.Down is null ? "no down" : "a down without a statement")}",
            "Without a down the migration cannot be rolled back when the release that needs it is, and its rollback cannot be tested.",
            null, advice);
    }
}
