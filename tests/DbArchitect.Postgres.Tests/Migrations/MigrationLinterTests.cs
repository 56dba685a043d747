using DbArchitect.Core.Findings;
using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Migrations;

namespace DbArchitect.Postgres.Tests.Migrations;

public sealed class MigrationLinterTests
{
    // Migration 1 creates the tables the others change, so they count as existing (with rows and readers).
    private const string Existing = "CREATE TABLE users (id bigint PRIMARY KEY, email text, status text, token uuid);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\nCREATE TYPE mood AS ENUM ('sad');";

    private static LintReport Lint(string up, bool inTransaction = false, string? down = "SELECT 1;") =>
        new MigrationLinter().Lint("repo", [new MigrationChain
        {
            Root = "migrations",
            Migrations = [Migration("1", Existing, inTransaction, "SELECT 1;"), Migration("2", up, inTransaction, down)],
        }]);

    private static Migration Migration(string version, string up, bool inTransaction, string? down) => new()
    {
        Version = version,
        Name = $"m{version}",
        Convention = inTransaction ? MigrationConvention.Flyway : MigrationConvention.UpDownFiles,
        Up = new MigrationScript($"migrations/{version}_m{version}.up.sql", 1, up),
        Down = down is null ? null : new MigrationScript($"migrations/{version}_m{version}.down.sql", 1, down),
        HasDownConvention = true,
        RunsInTransaction = inTransaction,
    };

    private static IReadOnlyList<string> Rules(LintReport report) => [.. report.Findings.Where(f => f.Migration == "2 m2").Select(f => f.Finding.RuleId).Distinct().Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("CREATE INDEX users_email_idx ON users (email);", "index-not-concurrent")]
    [InlineData("DROP INDEX users_email_idx;", "drop-index-not-concurrent")]
    [InlineData("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);", "constraint-without-not-valid")]
    [InlineData("ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status <> '');", "constraint-without-not-valid")]
    [InlineData("ALTER TABLE users ALTER COLUMN email SET NOT NULL;", "set-not-null-scan")]
    [InlineData("ALTER TABLE users ADD COLUMN nonce uuid DEFAULT gen_random_uuid();", "volatile-default")]
    [InlineData("ALTER TABLE users ADD COLUMN seq bigserial;", "volatile-default")]
    [InlineData("ALTER TABLE users ALTER COLUMN status TYPE varchar(20);", "column-type-change")]
    [InlineData("ALTER TABLE users RENAME COLUMN email TO email_address;", "rename-breaks-application")]
    [InlineData("ALTER TABLE users RENAME TO accounts;", "rename-breaks-application")]
    [InlineData("ALTER TABLE users DROP COLUMN token;", "drop-loses-data")]
    [InlineData("DROP TABLE orders;", "drop-loses-data")]
    [InlineData("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);", "unique-without-concurrent-index")]
    [InlineData("TRUNCATE orders;", "truncate-or-cascade")]
    [InlineData("DROP TABLE orders CASCADE;", "truncate-or-cascade")]
    [InlineData("CREATE TABLE items (id serial PRIMARY KEY, order_id integer, code char(3), label varchar(255), at timestamp);", "char-or-varchar-limit")]
    public void An_unsafe_statement_is_found_with_its_rule(string up, string rule) =>
        Assert.Contains(rule, Rules(Lint("SET lock_timeout = '5s';\n" + up)));

    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);")]
    [InlineData("DROP INDEX CONCURRENTLY users_email_idx;")]
    [InlineData("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;")]
    [InlineData("ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;")]
    [InlineData("ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();")]
    [InlineData("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);")]
    [InlineData("CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint, label text, at timestamptz);\nCREATE INDEX items_order_idx ON items (order_id);\nALTER TABLE items ADD CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);")]
    public void The_safe_form_is_quiet(string up) => Assert.Empty(Rules(Lint("SET lock_timeout = '5s';\n" + up)));

    [Fact]
    public void A_new_table_has_key_type_and_text_habits_named_column_by_column()
    {
        var report = Lint("CREATE TABLE items (id serial PRIMARY KEY, order_id integer, code char(3), label varchar(255), at timestamp);");

        Assert.Equal(["char-or-varchar-limit", "integer-key", "serial-instead-of-identity", "timestamp-without-time-zone"], Rules(report));
        Assert.Equal(["items.code", "items.label"], report.Findings.Where(f => f.Finding.RuleId == "char-or-varchar-limit").Select(f => f.Finding.Subject.Split(": ")[1]).Order(StringComparer.Ordinal));
        Assert.Equal(["items.id", "items.order_id"], report.Findings.Where(f => f.Finding.RuleId == "integer-key").Select(f => f.Finding.Subject.Split(": ")[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Concurrently_fails_mixed_into_a_flyway_migration_and_after_an_explicit_begin_but_not_alone()
    {
        var wrapped = Lint("SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);", inTransaction: true);
        var alone = Lint("SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);", inTransaction: true);
        var begun = Lint("SET lock_timeout = '5s';\nBEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;\nCREATE INDEX CONCURRENTLY users_status_idx ON users (status);");

        var finding = Assert.Single(wrapped.Findings, f => f.Finding.RuleId == "concurrently-in-transaction");
        Assert.Equal(Severity.Critical, finding.Finding.Severity);
        Assert.Contains("Flyway then runs it outside a transaction", finding.Finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.DoesNotContain(alone.Findings, f => f.Finding.RuleId == "concurrently-in-transaction");
        Assert.Equal(3, Assert.Single(begun.Findings, f => f.Finding.RuleId == "concurrently-in-transaction").Line);
    }

    [Fact]
    public void Two_indexes_on_one_table_in_one_migration_are_two_findings()
    {
        var report = Lint("SET lock_timeout = '5s';\nCREATE INDEX users_email_idx ON users (email);\nCREATE INDEX users_status_idx ON users (status);");

        Assert.Equal([2, 3], report.Findings.Where(f => f.Finding.RuleId == "index-not-concurrent").Select(f => f.Line).Order());
    }

    [Fact]
    public void Lock_timeout_is_asked_for_once_per_migration_and_not_when_set_first()
    {
        var missing = Lint("CREATE INDEX users_email_idx ON users (email);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;");
        var set = Lint("SET lock_timeout = '2s';\nALTER TABLE users ALTER COLUMN email SET NOT NULL;");

        Assert.Single(missing.Findings, f => f.Finding.RuleId == "no-lock-timeout");
        Assert.DoesNotContain(set.Findings, f => f.Finding.RuleId == "no-lock-timeout");
    }

    [Theory]
    [InlineData("SELECT set_config('lock_timeout', '2s', false);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", false)]
    [InlineData("SET lock_timeout = 500;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", false)]
    [InlineData("SET lock_timeout = 0;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", true)]
    [InlineData("SET LOCAL lock_timeout TO '0ms';\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", true)]
    [InlineData("SET lock_timeout = '2s';\nRESET lock_timeout;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", true)]
    [InlineData("SET lock_timeout = '2s';\nRESET ALL;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", true)]
    [InlineData("SET lock_timeout = '2s';\nSET lock_timeout TO DEFAULT;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", true)]
    [InlineData("SELECT set_config('lock_timeout', '0', false);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;", true)]
    public void A_lock_timeout_counts_only_while_it_is_a_limit(string up, bool asked) =>
        Assert.Equal(asked, Rules(Lint(up)).Contains("no-lock-timeout"));

    [Theory]
    [InlineData("DO $$\nBEGIN\n  SET lock_timeout = '5s';\nEND $$;\nCREATE INDEX users_email_idx ON users (email);")]
    [InlineData("DO $$\nBEGIN\n  SET lock_timeout = '5s';\n  CREATE INDEX users_email_idx ON users (email);\nEND $$;")]
    public void A_lock_timeout_set_inside_a_do_block_counts_for_what_follows(string up) =>
        Assert.DoesNotContain("no-lock-timeout", Rules(Lint(up)));

    [Fact]
    public void Each_finding_names_the_lock_what_it_blocks_and_the_line()
    {
        var report = Lint("SET lock_timeout = '5s';\n\n-- widen the column\nALTER TABLE users ALTER COLUMN status TYPE varchar(20);");

        var finding = Assert.Single(report.Findings, f => f.Finding.RuleId == "column-type-change");
        Assert.Equal(4, finding.Line);
        Assert.Equal("migrations/2_m2.up.sql", finding.Path);
        Assert.Equal("ACCESS EXCLUSIVE on users", finding.Finding.Evidence.Single(e => e.Label == "lock").Value);
        Assert.Contains("every read and write", finding.Finding.Evidence.Single(e => e.Label == "blocks while held").Value, StringComparison.Ordinal);
        Assert.Contains("Expand and contract", finding.Finding.Remedy!.Up, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_values_in_a_transaction_and_table_wide_dml_beside_ddl_are_found_only_inside_one()
    {
        var wrapped = Lint("SET lock_timeout = '5s';\nALTER TYPE mood ADD VALUE 'happy';\nALTER TABLE users ADD COLUMN note text;\nUPDATE users SET note = '';", inTransaction: true);
        var autocommit = Lint("SET lock_timeout = '5s';\nALTER TYPE mood ADD VALUE 'happy';\nALTER TABLE users ADD COLUMN note text;\nUPDATE users SET note = '';");

        Assert.Equal(["ddl-mixed-with-dml", "enum-value-in-transaction"], Rules(wrapped));
        Assert.Empty(Rules(autocommit));
    }

    [Fact]
    public void A_missing_down_and_a_relation_only_a_later_migration_creates_are_found()
    {
        var report = new MigrationLinter().Lint("repo", [new MigrationChain
        {
            Root = "migrations",
            Migrations =
            [
                Migration("1", "CREATE VIEW recent AS SELECT * FROM audit_log;", false, "DROP VIEW recent;"),
                Migration("2", "CREATE TABLE audit_log (id bigint);", false, null),
                Migration("3", "DO $$ BEGIN PERFORM 1; END $$;", false, "-- nothing"),
            ],
        }]);

        Assert.Equal(("references-later-migration", "1 m1: audit_log"), report.Findings.Where(f => f.Finding.RuleId == "references-later-migration").Select(f => (f.Finding.RuleId, f.Finding.Subject)).Single());
        Assert.Equal(["2 m2", "3 m3"], report.Findings.Where(f => f.Finding.RuleId == "missing-down").Select(f => f.Migration).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_statement_the_grammar_refuses_costs_only_itself()
    {
        var report = Lint("SET lock_timeout = '5s';\nCREATE INDEX users_email_idx ON users (email);\nCREATE FOOBAR nonsense;");

        Assert.Contains("index-not-concurrent", Rules(report));
        var refused = Assert.Single(report.NotAnalysed);
        Assert.Equal(3, refused.Line);
        Assert.StartsWith("not parsed by PostgreSQL 15's grammar", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sql_inside_a_do_block_is_linted_on_its_own_line_and_execute_is_named_as_not_analysed()
    {
        var report = Lint("SET lock_timeout = '5s';\nDO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'users_email_idx') THEN\n    CREATE INDEX users_email_idx ON users (email);\n  END IF;\n  EXECUTE 'ALTER TABLE ' || 'users' || ' ADD COLUMN x int';\nEND $$;");

        Assert.Equal(5, Assert.Single(report.Findings, f => f.Finding.RuleId == "index-not-concurrent").Line);
        var unread = Assert.Single(report.NotAnalysed);
        Assert.Equal((7, "EXECUTE in a DO block: SQL built when the block runs"), (unread.Line, unread.Reason));
    }

    [Fact]
    public void Every_rule_class_is_in_the_catalog_under_its_own_id()
    {
        var classes = typeof(IMigrationRule).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMigrationRule).IsAssignableFrom(t)).ToList();

        Assert.Equal(classes.Count, MigrationRules.All.Count);
        Assert.Equal(MigrationRules.All.Count, MigrationRules.All.Select(r => r.Id).Distinct().Count());
    }
}
