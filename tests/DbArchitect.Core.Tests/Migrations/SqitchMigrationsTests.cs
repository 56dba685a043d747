using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Core.Tests.Migrations;

public sealed class SqitchMigrationsTests
{
    private const string Plan = """
        %syntax-version=1.0.0
        %project=flipr
        %uri=https://github.com/example/flipr/

        # the schema first, then the tables
        appschema 2024-01-02T10:00:00Z Ana Lima <ana@example.com> # Add schema for all flipr objects.

        users [appschema] 2024-01-02T10:05:00Z Ana Lima <ana@example.com> # Creates table to track our users.
        flips [appschema users !legacy_flips] 2024-01-03T09:00:00Z Ana Lima <ana@example.com> # Adds table for storing flips.
        @v1.0.0 2024-01-04T12:00:00Z Ana Lima <ana@example.com> # Tag v1.0.0.

        insert_user [users appschema] 2024-01-05T08:00:00Z Bo Chen <bo@example.com>
        users [users@v1.0.0] 2024-02-01T08:00:00Z Bo Chen <bo@example.com> # Adds a column.
        """;

    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["deploy/appschema.sql"] = "BEGIN;\nCREATE SCHEMA flipr;\nCOMMIT;\n",
        ["revert/appschema.sql"] = "BEGIN;\nDROP SCHEMA flipr;\nCOMMIT;\n",
        ["verify/appschema.sql"] = "SELECT pg_catalog.has_schema_privilege('flipr', 'usage');\n",
        ["deploy/users@v1.0.0.sql"] = "BEGIN;\nCREATE TABLE flipr.users (nickname text PRIMARY KEY);\nCOMMIT;\n",
        ["revert/users@v1.0.0.sql"] = "BEGIN;\nDROP TABLE flipr.users;\nCOMMIT;\n",
        ["deploy/flips.sql"] = "BEGIN;\nCREATE TABLE flipr.flips (id bigint);\nCOMMIT;\n",
        ["revert/flips.sql"] = "DROP TABLE flipr.flips;\n",
        ["deploy/insert_user.sql"] = "CREATE FUNCTION flipr.insert_user() RETURNS void LANGUAGE sql AS 'SELECT 1';\n",
        ["deploy/users.sql"] = "BEGIN;\nALTER TABLE flipr.users ADD COLUMN email text;\nCOMMIT;\n",
        ["revert/users.sql"] = "BEGIN;\nALTER TABLE flipr.users DROP COLUMN email;\nCOMMIT;\n",
    };

    private static SqitchMigrations.Project Read(string? plan, IReadOnlyDictionary<string, string> scripts) =>
        SqitchMigrations.Read("db", plan, [.. scripts.Keys], name => scripts[name]);

    [Fact]
    public void Changes_are_ordered_by_the_plan_never_by_file_name_with_deploy_as_up_and_revert_as_down()
    {
        var project = Read(Plan, Scripts);

        Assert.Equal(["1 appschema", "2 users@v1.0.0", "3 flips", "4 insert_user", "5 users"], project.Migrations.Select(m => m.Label));
        Assert.All(project.Migrations, m => Assert.Equal((MigrationConvention.Sqitch, true, false), (m.Convention, m.HasDownConvention, m.RunsInTransaction)));
        var first = project.Migrations[0];
        Assert.Equal(("db/deploy/appschema.sql", 1, "BEGIN;\nCREATE SCHEMA flipr;\nCOMMIT;\n"), (first.Up.Path, first.Up.FirstLine, first.Up.Sql));
        Assert.Equal("db/revert/appschema.sql", first.Down!.Path);
        Assert.Empty(project.Skipped);
    }

    [Fact]
    public void A_reworked_change_keeps_its_earlier_scripts_under_the_tag_between_and_the_last_instance_under_its_name()
    {
        var project = Read(Plan, Scripts);

        var (earlier, later) = (project.Migrations[1], project.Migrations[4]);
        Assert.Equal(("db/deploy/users@v1.0.0.sql", "db/revert/users@v1.0.0.sql"), (earlier.Up.Path, earlier.Down!.Path));
        Assert.Equal(("db/deploy/users.sql", "db/revert/users.sql"), (later.Up.Path, later.Down!.Path));
    }

    [Fact]
    public void Sqitch_takes_the_first_tag_between_the_instances_whose_script_exists()
    {
        const string plan = """
            users 2024-01-01T00:00:00Z A <a@example.com>
            @alpha 2024-01-02T00:00:00Z A <a@example.com>
            @beta 2024-01-03T00:00:00Z A <a@example.com>
            users [users@beta] 2024-01-04T00:00:00Z A <a@example.com>
            """;
        var scripts = new Dictionary<string, string> { ["deploy/users@beta.sql"] = "SELECT 1;", ["deploy/users.sql"] = "SELECT 2;" };

        var project = Read(plan, scripts);

        Assert.Equal(["db/deploy/users@beta.sql", "db/deploy/users.sql"], project.Migrations.Select(m => m.Up.Path));
    }

    [Fact]
    public void Dependencies_and_conflicts_in_brackets_and_tags_are_read_from_the_plan()
    {
        var changes = SqitchPlan.Parse(Plan).Changes;

        Assert.Equal(["appschema", "users"], changes[2].Requires);
        Assert.Equal(["legacy_flips"], changes[2].Conflicts);
        Assert.Equal(["v1.0.0"], changes[2].Tags);
        Assert.Equal(["users@v1.0.0"], changes[4].Requires);
        Assert.Equal([6, 8, 9, 12, 13], changes.Select(c => c.Line));
    }

    [Fact]
    public void A_change_without_a_revert_has_no_down_but_a_convention_that_has_them()
    {
        var project = Read(Plan, Scripts);

        var insertUser = project.Migrations.Single(m => m.Name == "insert_user");
        Assert.Null(insertUser.Down);
        Assert.True(insertUser.HasDownConvention);
    }

    [Fact]
    public void A_plan_entry_without_its_deploy_script_and_a_deploy_script_not_in_the_plan_are_skipped_with_the_reason()
    {
        var scripts = new Dictionary<string, string>(Scripts);
        scripts.Remove("deploy/flips.sql");
        scripts["deploy/forgotten.sql"] = "CREATE TABLE forgotten (id int);";
        scripts["revert/orphan.sql"] = "DROP TABLE orphan;";

        var project = Read(Plan, scripts);

        Assert.DoesNotContain(project.Migrations, m => m.Name == "flips");
        Assert.Equal(
            [
                ("db/sqitch.plan", "line 9: change flips has no deploy script deploy/flips.sql"),
                ("db/revert/flips.sql", "the revert script of change flips, which has no deploy script"),
                ("db/deploy/forgotten.sql", "a sqitch deploy script sqitch.plan does not list"),
                ("db/revert/orphan.sql", "a sqitch revert script sqitch.plan does not list"),
            ],
            project.Skipped.Select(s => (s.Path, s.Reason)));
    }

    [Fact]
    public void An_unreadable_plan_leaves_every_deploy_script_listed_as_skipped()
    {
        var project = Read(null, Scripts);

        Assert.Empty(project.Migrations);
        Assert.Equal(5, project.Skipped.Count);
        Assert.All(project.Skipped, s => Assert.Equal("a sqitch deploy script whose sqitch.plan could not be read", s.Reason));
    }

    [Fact]
    public void Comments_blank_lines_and_pragmas_are_no_changes_and_a_line_that_is_none_of_them_is_listed()
    {
        const string plan = "%syntax-version=1.0.0\n\n  # indented comment\r\nfirst 2024-01-01T00:00:00Z A <a@example.com> # a note # with a hash\r\nthis is prose\n@early\n-first 2024-01-02T00:00:00Z A <a@example.com>\n";

        var parsed = SqitchPlan.Parse(plan);

        Assert.Equal(["first"], parsed.Changes.Select(c => c.Name));
        Assert.Equal(
            [
                (5, "neither a change, a tag, a pragma nor a comment"),
                (6, "a tag line sqitch's plan syntax does not allow"),
                (7, "-first: a revert entry, which sqitch does not deploy"),
            ],
            parsed.Unread);
    }

    [Fact]
    public void A_change_planned_again_without_a_tag_between_is_listed_not_guessed()
    {
        const string plan = "users 2024-01-01T00:00:00Z A <a@example.com>\nusers 2024-01-02T00:00:00Z A <a@example.com>\n";

        var project = Read(plan, new Dictionary<string, string> { ["deploy/users.sql"] = "SELECT 1;" });

        Assert.Equal(["2 users"], project.Migrations.Select(m => m.Label));
        Assert.Equal("line 1: change users is planned again with no tag since its earlier instance, so their scripts cannot be told apart", Assert.Single(project.Skipped).Reason);
    }

    [Fact]
    public void Change_names_with_slashes_take_their_scripts_from_sub_folders()
    {
        var project = Read("schemas/auth/users 2024-01-01T00:00:00Z A <a@example.com>\n", new Dictionary<string, string> { ["deploy/schemas/auth/users.sql"] = "SELECT 1;" });

        Assert.Equal("db/deploy/schemas/auth/users.sql", Assert.Single(project.Migrations).Up.Path);
    }
}
