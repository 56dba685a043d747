using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Core.Tests.Migrations;

/// <summary>drizzle-kit output folders, discovered by their journal.</summary>
public sealed partial class MigrationDiscoveryTests
{
    [Fact]
    public void Drizzle_migrations_follow_the_journal_not_the_file_names_and_what_it_does_not_list_is_skipped()
    {
        Write("drizzle/meta/_journal.json", """
            {"version":"7","dialect":"postgresql","entries":[
              {"idx":1,"version":"7","when":2,"tag":"0001_add_email","breakpoints":true},
              {"idx":0,"version":"7","when":1,"tag":"0000_init","breakpoints":true},
              {"idx":2,"version":"7","when":3,"tag":"0002_gone","breakpoints":true}]}
            """);
        Write("drizzle/meta/0000_snapshot.json", "{}");
        Write("drizzle/0000_init.sql", "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL);\n--> statement-breakpoint\nCREATE INDEX \"users_id_idx\" ON \"users\" (\"id\");");
        Write("drizzle/0001_add_email.sql", "ALTER TABLE \"users\" ADD COLUMN \"email\" text;");
        Write("drizzle/0009_draft.sql", "DROP TABLE users;");

        var chain = Assert.Single(MigrationDiscovery.Discover(_root.FullName));

        Assert.Equal(["0000 init", "0001 add_email"], chain.Migrations.Select(m => m.Label));
        Assert.All(chain.Migrations, m => Assert.Equal((MigrationConvention.Drizzle, true, false, null), (m.Convention, m.RunsInTransaction, m.HasDownConvention, m.Down)));
        Assert.Equal(
            [("drizzle/0002_gone.sql", "listed in the drizzle journal, but the file is missing"), ("drizzle/0009_draft.sql", "a .sql file the drizzle journal does not list: drizzle never applies it")],
            chain.Skipped.Select(s => (s.Path.Replace('\\', '/'), s.Reason)));
    }

    [Theory]
    [InlineData("""{"version":"5","dialect":"mysql","entries":[{"idx":0,"tag":"0000_init"}]}""", "a drizzle migration for mysql, not PostgreSQL")]
    [InlineData("""{"version":"5","dialect":"pg"}""", "a drizzle journal without an entries list")]
    [InlineData("""{"entries":[{"idx":0}]}""", "a drizzle journal entry without a tag")]
    [InlineData("not json", "a drizzle journal that is not JSON")]
    public void A_drizzle_journal_for_another_dialect_or_one_that_cannot_be_read_skips_its_files_with_the_reason(string journal, string reason)
    {
        Write("drizzle/meta/_journal.json", journal);
        Write("drizzle/0000_init.sql", "CREATE TABLE users (id int);");

        var chain = Assert.Single(MigrationDiscovery.Discover(_root.FullName));

        Assert.Empty(chain.Migrations);
        Assert.Equal(2, chain.Skipped.Count);
        Assert.All(chain.Skipped, s => Assert.StartsWith(reason, s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void An_older_drizzle_journal_saying_pg_is_postgresql()
    {
        Write("migrations/meta/_journal.json", """{"version":"5","dialect":"pg","entries":[{"idx":0,"when":1,"tag":"0000_init","breakpoints":true}]}""");
        Write("migrations/0000_init.sql", "CREATE TABLE users (id int);");

        Assert.Equal(MigrationConvention.Drizzle, Assert.Single(Assert.Single(MigrationDiscovery.Discover(_root.FullName)).Migrations).Convention);
    }
}
