using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Validation;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Validation;

public sealed class ScratchSqlCheckerTests(ShopSchemaFixture scratch) : IClassFixture<ShopSchemaFixture>
{
    [Fact]
    public async Task Create_index_concurrently_on_an_existing_column_is_accepted()
    {
        var errors = await CheckAsync("CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_typo_is_rejected_with_the_servers_message()
    {
        var errors = await CheckAsync("CRATE INDEX orders_status_idx ON orders (status);");

        var error = Assert.Single(errors);
        Assert.Equal("block", error.Origin);
        Assert.Contains("syntax error at or near \"CRATE\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_column_that_does_not_exist_is_rejected_with_the_servers_message()
    {
        var errors = await CheckAsync("CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);");

        Assert.Contains("column \"placed_at\" does not exist", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_block_of_hundreds_of_statements_the_one_the_server_refuses_is_named()
    {
        var statements = Enumerable.Range(0, 120).Select(i => i == 77
            ? "CREATE INDEX orders_placed_at_idx ON orders (placed_at);"
            : $"CREATE INDEX orders_status_{i}_idx ON orders (status);");

        var error = Assert.Single(await CheckAsync(string.Join('\n', statements)));

        Assert.Contains("column \"placed_at\" does not exist", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(in: CREATE INDEX orders_placed_at_idx ON orders (placed_at))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_failing_block_does_not_hide_the_others()
    {
        await using var checker = new ScratchSqlChecker(scratch.AdminConnectionString);

        var errors = await checker.CheckAsync(
            [
                new SqlBlock("DB-ITEM-1.1", "ALTER TABLE orders ADD COLUMN note text;"),
                new SqlBlock("DB-ITEM-1.2", "ALTER TABLE nowhere ADD COLUMN note text;"),
                new SqlBlock("DB-ITEM-1.3", "DROP INDEX CONCURRENTLY missing_idx;"),
                new SqlBlock("DB-ITEM-1.4", "ALTER TABLE orders ADD COLUMN note text; -- the first block was rolled back"),
            ],
            CancellationToken.None);

        Assert.Equal(["DB-ITEM-1.2", "DB-ITEM-1.3"], errors.Select(e => e.Origin));
    }

    [Fact]
    public async Task A_parameterised_query_rewrite_is_prepared_and_a_wrong_column_in_it_is_rejected()
    {
        var accepted = await CheckAsync("SELECT o.id FROM orders o WHERE EXISTS (SELECT FROM customers c WHERE c.id = o.customer_id AND c.email = $1) LIMIT $2;");
        var rejected = await CheckAsync("SELECT o.id FROM orders o WHERE o.placed_at > $1;");

        Assert.Empty(accepted);
        Assert.Contains("column o.placed_at does not exist", Assert.Single(rejected).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blocks_of_comments_only_are_accepted()
    {
        var errors = await CheckAsync("-- nothing to run here\n/* the application change comes first */");

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("VACUUM (VERBOSE, ANALYZE) orders;")]
    [InlineData("VACUUM ANALYZE orders (status), customers;")]
    [InlineData("ALTER SYSTEM SET work_mem = '64MB';")]
    [InlineData("ALTER SYSTEM SET shared_buffers TO '2GB'; SELECT pg_reload_conf();")]
    [InlineData("REINDEX INDEX CONCURRENTLY orders_pkey;")]
    [InlineData("REINDEX (CONCURRENTLY) INDEX orders_pkey; REINDEX (CONCURRENTLY, VERBOSE) TABLE orders; REINDEX (VERBOSE, CONCURRENTLY) TABLE orders;")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS no_such_idx; ANALYZE orders; REINDEX (VERBOSE) SCHEMA public;")]
    [InlineData("SELECT pg_drop_replication_slot('standby_1');\n-- recreated at the current position\nSELECT pg_create_physical_replication_slot('standby_1');")]
    [InlineData("SELECT pg_create_logical_replication_slot('cdc', 'pgoutput');")]
    [InlineData("CREATE TABLE order_archive (LIKE orders); VACUUM order_archive;")]
    [InlineData("CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT count(*) FROM orders; END;")]
    public async Task Statements_that_cannot_run_in_a_transaction_are_accepted_when_well_formed(string sql)
    {
        Assert.Empty(await CheckAsync(sql));
    }

    [Theory]
    [InlineData("VACUUM (VERBOSE, ANALYSE_ALL) orders;", "unrecognized VACUUM option")]
    [InlineData("VACUUM order_archive;", "relation order_archive does not exist")]
    [InlineData("ALTER SYSTEM SET wrok_mem = '64MB';", "unrecognized configuration parameter \"wrok_mem\"")]
    [InlineData("ALTER SYSTEM work_mem = '64MB';", "syntax error at or near \"work_mem\"")]
    [InlineData("SELECT pg_drop_replication_slot(standby_1);", "pg_drop_replication_slot() takes the slot's name as a quoted string")]
    [InlineData("REINDEX (VERBOSE, CONCURRENTLY) SCHEMA no_such_schema;", "schema no_such_schema does not exist")]
    [InlineData("COPY orders TO PROGRAM 'cat > /tmp/orders.csv';", "shell command")]
    public async Task Statements_that_cannot_run_in_a_transaction_are_rejected_when_malformed(string sql, string expected)
    {
        Assert.Contains(expected, Assert.Single(await CheckAsync(sql)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checking_leaves_the_scratch_database_as_it_was()
    {
        var before = await SchemaFingerprintAsync();

        await CheckAsync("""
            BEGIN;
            CREATE TABLE leaked (id int);
            CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
            ALTER TABLE orders DROP COLUMN status;
            DELETE FROM customers;
            COMMIT;
            """);
        await CheckAsync("DROP TABLE orders; ROLLBACK; CREATE TABLE leaked_after_rollback (id int); END;");
        await CheckAsync("ALTER TABLE customers ADD COLUMN phone text; SELECT no_such_function();");

        Assert.Equal(before, await SchemaFingerprintAsync());
    }

    private async Task<IReadOnlyList<SqlCheckError>> CheckAsync(string sql)
    {
        await using var checker = new ScratchSqlChecker(scratch.AdminConnectionString);
        return await checker.CheckAsync([new SqlBlock("block", sql)], CancellationToken.None);
    }

    private async Task<string> SchemaFingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(scratch.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT concat_ws(' | ',
                (SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || coalesce(pg_get_indexdef(c.oid), ''), ', ' ORDER BY c.relname)
                 FROM pg_class AS c WHERE c.relnamespace = 'public'::regnamespace),
                (SELECT string_agg(a.attrelid::regclass || '.' || a.attname, ', ' ORDER BY a.attrelid, a.attnum)
                 FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid
                 WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped),
                (SELECT count(*) FROM customers))
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
