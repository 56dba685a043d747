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
        if (facts.IsFirst && facts.Migration.HasDownConvention && MigrationDowns.Runnable(facts.Migration) is null)
        {
            var empty = facts.Migration.Down is not null;
            yield return MigrationFindings.Of(this, facts, facts.Migration.Name, $"Migration {facts.Migration.Label} has {(empty ? "a down without a statement" : "no down")}",
                "Without a down the migration cannot be rolled back when the release that needs it is, and its rollback cannot be tested.",
                null, $"Write the down ({Where(facts.Migration.Convention)}) so that it restores the schema and the data the up changed.");
        }
    }

    private static string Where(Core.Migrations.MigrationConvention convention) => convention switch
    {
        Core.Migrations.MigrationConvention.Flyway => "an undo migration U<version>__name.sql",
        Core.Migrations.MigrationConvention.UpDownFiles => "the .down.sql beside the .up.sql",
        Core.Migrations.MigrationConvention.Dbmate => "a -- migrate:down section",
        _ => "a -- +goose Down section",
    };
}
