using Dapper;
using DbArchitect.Core.Migrations.Verification;
using DbArchitect.Core.Migrations;
using DbArchitect.Postgres.Migrations.Verification;
using DbArchitect.Postgres.Scratch;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Migrations;

/// <summary>One scratch cluster for the class: each chain gets a database of its own on it.</summary>
public sealed class VerifierClusterFixture : IAsyncLifetime
{
    public ScratchCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ScratchCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public sealed class ChainVerifierTests(VerifierClusterFixture fixture) : IClassFixture<VerifierClusterFixture>
{
    private const string Users = "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(12) NOT NULL, status text, mood_kind text);";

    private static Migration Migration(int version, string up, string? down) => new()
    {
        Version = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Name = $"m{version}",
        Convention = MigrationConvention.UpDownFiles,
        Up = new MigrationScript($"{version}.up.sql", 1, up),
        Down = down is null ? null : new MigrationScript($"{version}.down.sql", 1, down),
        HasDownConvention = true,
    };

    private Task<ChainVerification> VerifyAsync(int rows, params Migration[] migrations) =>
        new ChainVerifier(fixture.Cluster, rows).VerifyAsync(new MigrationChain { Root = "migrations", Migrations = migrations }, CancellationToken.None);

    [Fact]
    public async Task A_reversible_chain_is_proven_on_generated_rows_with_every_verdict_true()
    {
        var result = await VerifyAsync(500,
            Migration(1, Users, "DROP TABLE users;"),
            Migration(2, "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), total numeric(10,2));", "DROP TABLE orders;"),
            Migration(3, "ALTER TABLE orders ADD COLUMN note text;", "ALTER TABLE orders DROP COLUMN note;"));

        Assert.Null(result.StoppedAt);
        Assert.All(result.Verdicts, v => Assert.Equal((true, true, true, true), (v.Applied, v.Reversible, v.DataPreserving, v.Rerunnable)));
        Assert.Contains(result.Verdicts[1].Locks, l => l.StartsWith("SHARE ROW EXCLUSIVE on public.users (500 rows)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_down_that_re_adds_a_dropped_column_is_named_as_losing_its_values()
    {
        var result = await VerifyAsync(200,
            Migration(1, Users, "DROP TABLE users;"),
            Migration(2, "ALTER TABLE users DROP COLUMN status;", "ALTER TABLE users ADD COLUMN status text;"));

        var drop = result.Verdicts[1];
        Assert.False(drop.DataPreserving);
        Assert.Equal("public.users: 200 rows, their values differ (a column's values lost or changed)", Assert.Single(drop.DataDifferences));
        Assert.True(drop.Rerunnable);
    }

    [Fact]
    public async Task A_down_that_undoes_nothing_is_not_reversible_and_the_chain_stops_where_up_cannot_run_again()
    {
        var result = await VerifyAsync(50,
            Migration(1, Users, "DROP TABLE users;"),
            Migration(2, "ALTER TABLE users ADD COLUMN nickname text;", "SELECT 1;"),
            Migration(3, "CREATE TABLE later (id bigint);", "DROP TABLE later;"));

        var noop = result.Verdicts[1];
        Assert.False(noop.Reversible);
        Assert.Contains("+ column users 5 nickname text", noop.SchemaDifferences);
        Assert.False(noop.Rerunnable);
        Assert.Contains("already exists", noop.Error, StringComparison.Ordinal);
        Assert.Equal(("2 m2", 2), (result.StoppedAt, result.Verdicts.Count));
    }

    [Fact]
    public async Task An_index_built_on_a_filled_table_holds_share_and_a_concurrent_one_is_run_untraced()
    {
        var result = await VerifyAsync(2000,
            Migration(1, Users, "DROP TABLE users;"),
            Migration(2, "CREATE INDEX users_email_idx ON users (email);", "DROP INDEX users_email_idx;"),
            Migration(3, "CREATE INDEX CONCURRENTLY users_status_idx ON users (status);", "DROP INDEX CONCURRENTLY users_status_idx;"));

        var plain = result.Verdicts[1];
        Assert.False(plain.LockSafe);
        Assert.Contains(plain.Locks, l => l.StartsWith("SHARE on public.users (2,000 rows)", StringComparison.Ordinal));
        Assert.Contains("public.users (index built)", plain.Rewritten);
        var concurrent = result.Verdicts[2];
        Assert.Null(concurrent.LockSafe);
        Assert.Contains(concurrent.Notes, n => n.Contains("locks not traced", StringComparison.Ordinal));
        Assert.True(concurrent.Reversible);
    }

    [Fact]
    public async Task An_up_that_fails_stops_the_chain_and_no_down_means_not_reversible()
    {
        var result = await VerifyAsync(10,
            Migration(1, Users, null),
            Migration(2, "ALTER TABLE missing ADD COLUMN x int;", "SELECT 1;"),
            Migration(3, "CREATE TABLE later (id bigint);", "DROP TABLE later;"));

        Assert.False(result.Verdicts[0].Reversible);
        Assert.Contains(result.Verdicts[0].Notes, n => n.StartsWith("no down to run", StringComparison.Ordinal));
        Assert.False(result.Verdicts[1].Applied);
        Assert.StartsWith("up: ALTER TABLE missing", result.Verdicts[1].Error, StringComparison.Ordinal);
        Assert.Equal("2 m2", result.StoppedAt);
    }

    [Fact]
    public async Task An_up_that_fails_on_rows_is_named_and_proven_on_emptied_tables_which_are_filled_again_for_the_next()
    {
        var result = await VerifyAsync(20,
            Migration(1, Users, "DROP TABLE users;"),
            Migration(2, "ALTER TABLE users ADD COLUMN expiry timestamptz NOT NULL;", "ALTER TABLE users DROP COLUMN expiry;"),
            Migration(3, "CREATE INDEX users_status_idx ON users (status);", "DROP INDEX users_status_idx;"));

        var notNull = result.Verdicts[1];
        Assert.True(notNull.Applied && notNull.FailsWithRows && notNull.IsFailure);
        Assert.Contains(notNull.Notes, n => n.Contains("23502", StringComparison.Ordinal));
        Assert.Null(result.StoppedAt);
        Assert.True(result.Verdicts[2].Reversible);
        Assert.Contains(result.Verdicts[2].Locks, l => l.StartsWith("SHARE on public.users (20 rows)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_parts_of_a_popx_migration_are_proven_together_with_their_downs_in_reverse()
    {
        var result = await VerifyAsync(5,
            Migration(1, Users, "DROP TABLE users;") with { Version = "20201110175414000000", Down = new MigrationScript("a.down.sql", 1, "") },
            Migration(2, "CREATE INDEX users_email_idx ON users (email)", "DROP TABLE users") with { Version = "20201110175414000001" });

        var unit = Assert.Single(result.Verdicts);
        Assert.Equal("20201110175414", unit.Migration.Version);
        Assert.Equal((true, true, true), (unit.Reversible, unit.DataPreserving, unit.Rerunnable));
    }

    [Fact]
    public async Task An_extension_the_chain_takes_for_granted_is_created_and_said()
    {
        var result = await VerifyAsync(10,
            Migration(1, "CREATE TABLE files (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), path text);", "DROP TABLE files;"));

        var verdict = Assert.Single(result.Verdicts);
        Assert.True(verdict.Applied && verdict.Reversible == true, $"{verdict.Error} | {string.Join(" | ", verdict.Notes)}");
        Assert.Contains("assumes the extension uuid-ossp, which no migration before it creates: created on the scratch server", verdict.Notes);
    }

    [Fact]
    public async Task Generated_rows_follow_foreign_keys_enums_and_length_limits()
    {
        var database = await fixture.Cluster.CreateDatabaseAsync($"seed_{Guid.NewGuid():N}"[..20]);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TABLE parents (id bigint PRIMARY KEY, code char(3) NOT NULL UNIQUE, at timestamptz NOT NULL, data jsonb);
            CREATE TABLE children (id uuid PRIMARY KEY, parent_id bigint NOT NULL REFERENCES parents (id), feeling mood NOT NULL, tags text[] NOT NULL);
            """);

        var notes = await RowSeeder.FillEmptyAsync(connection, 300, new HashSet<uint>(), CancellationToken.None);

        Assert.True(notes.Count == 0, string.Join(" | ", notes));
        Assert.Equal(300, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM children c JOIN parents p ON p.id = c.parent_id"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT feeling) FROM children"));
    }
}
