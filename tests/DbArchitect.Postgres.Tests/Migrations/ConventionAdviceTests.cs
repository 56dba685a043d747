using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Migrations;

namespace DbArchitect.Postgres.Tests.Migrations;

public sealed class ConventionAdviceTests
{
    private const string Existing = "CREATE TABLE users (id bigint PRIMARY KEY, email text);";

    private static LintReport Lint(MigrationConvention convention, string up, string? down, bool runsInTransaction = false, IReadOnlyList<NotAnalysed>? unread = null) =>
        new MigrationLinter().Lint("repo", [new MigrationChain
        {
            Root = "migrations",
            Migrations =
            [
                new Migration { Version = "1", Name = "users", Convention = convention, Up = new MigrationScript("migrations/1_users", 1, Existing), Down = new MigrationScript("migrations/1_users", 1, "DROP TABLE users;"), HasDownConvention = true },
                new Migration
                {
                    Version = "2", Name = "change", Convention = convention, HasDownConvention = true, RunsInTransaction = runsInTransaction,
                    Up = new MigrationScript("migrations/2_change", 1, up),
                    Down = down is null ? null : new MigrationScript("migrations/2_change", 1, down),
                    Unread = unread ?? [],
                    UnreadInDown = unread ?? [],
                },
            ],
        }]);

    private static LintFinding Single(LintReport report, string rule) => Assert.Single(report.Findings, f => f.Finding.RuleId == rule);

    [Theory]
    [InlineData(MigrationConvention.Flyway, "U<version>__name.sql")]
    [InlineData(MigrationConvention.UpDownFiles, ".down.sql beside the .up.sql")]
    [InlineData(MigrationConvention.Dbmate, "-- migrate:down")]
    [InlineData(MigrationConvention.Goose, "-- +goose Down")]
    [InlineData(MigrationConvention.TypeOrm, "down(queryRunner: QueryRunner)")]
    [InlineData(MigrationConvention.Knex, "exports.down = function (knex)")]
    [InlineData(MigrationConvention.Sequelize, "down(queryInterface, Sequelize)")]
    [InlineData(MigrationConvention.Alembic, "def downgrade()")]
    [InlineData(MigrationConvention.EfCore, "Down(MigrationBuilder migrationBuilder)")]
    [InlineData(MigrationConvention.FluentMigrator, "public override void Down()")]
    public void A_missing_down_is_asked_for_where_the_convention_keeps_it(MigrationConvention convention, string where)
    {
        var finding = Single(Lint(convention, "ALTER TABLE users ADD COLUMN note text;", down: null), "missing-down").Finding;

        Assert.Contains(where, finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.Equal("Migration 2 change has no down", finding.Title);
    }

    [Theory]
    [InlineData(MigrationConvention.Prisma, "prisma migrate resolve --rolled-back")]
    [InlineData(MigrationConvention.PlainSql, "new forward migration")]
    [InlineData(MigrationConvention.DbUp, "forward only")]
    public void A_convention_without_downs_is_told_how_its_teams_roll_back(MigrationConvention convention, string how)
    {
        var advice = DownAdvice.For(convention);

        Assert.Contains(how, advice, StringComparison.Ordinal);
        Assert.DoesNotContain("Write the down", advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_convention_has_its_own_down_advice_and_its_own_transaction_escape()
    {
        var conventions = Enum.GetValues<MigrationConvention>();

        Assert.Equal(conventions.Length, conventions.Select(DownAdvice.For).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(conventions.Length, conventions.Select(TransactionEscapes.For).Distinct(StringComparer.Ordinal).Count());
        Assert.All(conventions.Where(c => c != MigrationConvention.Goose), c => Assert.DoesNotContain("goose", DownAdvice.For(c), StringComparison.Ordinal));
    }

    [Fact]
    public void A_down_written_in_builder_calls_is_named_as_not_read_never_as_empty()
    {
        var unread = new NotAnalysed("migrations/2_change", 6, "knex.schema.dropTable(…): a builder call, not SQL text");

        var builderDown = Single(Lint(MigrationConvention.Knex, "ALTER TABLE users ADD COLUMN note text;", down: "", unread: [unread]), "missing-down").Finding;
        var emptyDown = Single(Lint(MigrationConvention.Knex, "ALTER TABLE users ADD COLUMN note text;", down: ""), "missing-down").Finding;

        Assert.Equal("Migration 2 change has a down of builder calls or computed SQL the linter does not read (1, the first on line 6)", builderDown.Title);
        Assert.DoesNotContain("without a statement", builderDown.Title, StringComparison.Ordinal);
        Assert.Contains("exports.down", builderDown.Remedy!.Up, StringComparison.Ordinal);
        Assert.Equal("Migration 2 change has a down without a statement", emptyDown.Title);
    }

    [Fact]
    public void A_knex_down_of_builder_calls_read_from_its_file_is_not_called_empty_and_builder_calls_in_the_up_alone_leave_it_empty()
    {
        var root = Directory.CreateTempSubdirectory("dbarch-knex-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "migrations"));
            File.WriteAllText(Path.Combine(folder.FullName, "20240101000000_add_note.js"),
                "exports.up = function (knex) {\n  return knex.schema.raw('ALTER TABLE users ADD COLUMN note text');\n};\n\nexports.down = function (knex) {\n  return knex.schema.table('users', t => t.dropColumn('note'));\n};\n");
            var chains = Core.Migrations.Discovery.MigrationDiscovery.Discover(root.FullName);

            var report = new MigrationLinter().Lint(root.FullName, chains);

            var finding = Assert.Single(report.Findings, f => f.Finding.RuleId == "missing-down").Finding;
            Assert.StartsWith("Migration 20240101000000 add_note has a down of builder calls", finding.Title, StringComparison.Ordinal);
            Assert.Contains(report.NotAnalysed, n => n.Line == 6);

            File.WriteAllText(Path.Combine(folder.FullName, "20240101000000_add_note.js"),
                "exports.up = async function (knex) {\n  await knex.schema.raw('ALTER TABLE users ADD COLUMN note text');\n  await knex.schema.table('users', t => t.index('note'));\n};\n\nexports.down = function (knex) {\n  return null;\n};\n");
            var upOnly = new MigrationLinter().Lint(root.FullName, Core.Migrations.Discovery.MigrationDiscovery.Discover(root.FullName));
            Assert.EndsWith("has a down without a statement", Assert.Single(upOnly.Findings, f => f.Finding.RuleId == "missing-down").Finding.Title, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(MigrationConvention.Flyway, true, "executeInTransaction=false")]
    [InlineData(MigrationConvention.UpDownFiles, false, "Remove the BEGIN/COMMIT")]
    [InlineData(MigrationConvention.Dbmate, true, "-- migrate:up transaction:false")]
    [InlineData(MigrationConvention.Goose, true, "-- +goose NO TRANSACTION")]
    [InlineData(MigrationConvention.Prisma, true, "outside Prisma Migrate")]
    [InlineData(MigrationConvention.PlainSql, false, "Remove the BEGIN/COMMIT")]
    [InlineData(MigrationConvention.TypeOrm, true, "transaction = false, and run migrations with --transaction each")]
    [InlineData(MigrationConvention.Knex, true, "exports.config = { transaction: false }")]
    [InlineData(MigrationConvention.Sequelize, false, "outside sequelize.transaction(…)")]
    [InlineData(MigrationConvention.Alembic, true, "with op.get_context().autocommit_block():")]
    [InlineData(MigrationConvention.EfCore, true, "suppressTransaction: true")]
    [InlineData(MigrationConvention.FluentMigrator, true, "TransactionBehavior.None")]
    [InlineData(MigrationConvention.DbUp, false, ".WithTransactionPerScript()")]
    public void Concurrently_in_a_transaction_is_told_how_the_convention_turns_its_transaction_off(MigrationConvention convention, bool runsInTransaction, string escape)
    {
        // A convention without a transaction of its own gets one from an explicit BEGIN.
        var up = runsInTransaction
            ? "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);"
            : "SET lock_timeout = '5s';\nBEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;";

        var finding = Single(Lint(convention, up, "DROP INDEX users_email_idx;", runsInTransaction), "concurrently-in-transaction").Finding;

        Assert.Contains(escape, finding.Remedy!.Up, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_value_added_in_a_transaction_is_told_the_convention_s_escape()
    {
        var finding = Single(Lint(MigrationConvention.Goose, "CREATE TYPE mood AS ENUM ('sad');\nALTER TYPE mood ADD VALUE 'happy';", "DROP TYPE mood;", runsInTransaction: true), "enum-value-in-transaction").Finding;

        Assert.Contains("-- +goose NO TRANSACTION", finding.Remedy!.Up, StringComparison.Ordinal);
    }
}
