using DbArchitect.Postgres.Rewrites;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Rewrites;

/// <summary>
/// 1,000 customers (80 % 'south', 10 % 'north', 10 % 'east'), 700 of them with orders; 10,000
/// orders with ids 1…10,000 without gaps (so OFFSET n and id &gt; n pick the same page) and an
/// index on customer_id (so a correlated subquery runs, slowly in cost, but quickly here).
/// audited() writes a row to audit each time it is called, behind a plan that shows no write.
/// </summary>
public sealed class ShopFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE customers (id int PRIMARY KEY, region text NOT NULL, credit_limit numeric NOT NULL);
        CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, total numeric NOT NULL);
        INSERT INTO customers
            SELECT g, CASE WHEN g % 10 = 0 THEN 'north' WHEN g % 10 = 1 THEN 'east' ELSE 'south' END, (g * 53) % 1000 + 200
            FROM generate_series(1, 1000) g;
        INSERT INTO orders SELECT g, (g * 13) % 700 + 1, (g * 37) % 1000 FROM generate_series(1, 10000) g;
        CREATE INDEX orders_customer_idx ON orders (customer_id);
        ANALYZE customers, orders;
        CREATE TABLE audit (at timestamptz NOT NULL);
        CREATE FUNCTION audited() RETURNS int LANGUAGE sql VOLATILE COST 1 AS $$ INSERT INTO audit VALUES (now()) RETURNING 1 $$;
        """);
}

public sealed class RewriteVerifierTests(ShopFixture database) : IClassFixture<ShopFixture>
{
    private const string AboveCustomerAverage = """
        SELECT o.id, o.total FROM orders o
        WHERE o.total > (SELECT avg(i.total) FROM orders i WHERE i.customer_id = o.customer_id)
        """;

    private const string AboveCustomerAverageByWindow = """
        SELECT id, total
        FROM (SELECT o.id, o.total, avg(o.total) OVER (PARTITION BY o.customer_id) AS average FROM orders o) AS w
        WHERE total > average
        """;

    private const string PageByOffset = "SELECT id, total FROM orders ORDER BY id OFFSET 9000 LIMIT 50";

    private const string PageByKey = "SELECT id, total FROM orders WHERE id > 9000 ORDER BY id LIMIT 50";

    private const string CustomersWithOrdersByJoin = "SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.region = $1 GROUP BY c.id";

    private const string CustomersWithOrdersByExists = "SELECT c.id FROM customers c WHERE c.region = $1 AND EXISTS (SELECT FROM orders o WHERE o.customer_id = c.id)";

    private async Task<RewriteVerdict> VerifyAsync(string original, string rewrite, TargetSessionOptions? session = null)
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString, session);
        return await new RewriteVerifier(dataSource).VerifyAsync(original, rewrite, CancellationToken.None);
    }

    [Fact]
    public async Task Correlated_subquery_rewritten_as_a_window_function_is_accepted_with_the_same_rows_at_lower_cost()
    {
        var verdict = await VerifyAsync(AboveCustomerAverage, AboveCustomerAverageByWindow);

        Assert.True(verdict.Accepted, verdict.Refusal);
        Assert.Null(verdict.Refusal);
        Assert.False(verdict.OrderMatters);
        Assert.True(verdict.RewriteCost < verdict.OriginalCost);
        Assert.True(verdict.OriginalRows > 1000);
        Assert.Equal(verdict.OriginalRows, verdict.RewriteRows);
        Assert.Equal(verdict.OriginalHash, verdict.RewriteHash);
    }

    // An IN whose subquery refers to the outer row cannot become a semi-join: PostgreSQL runs it
    // as a sub-plan scanning orders once per customer, while the EXISTS is an index semi-join.
    [Fact]
    public async Task Correlated_IN_subquery_rewritten_as_EXISTS_is_accepted_with_the_same_rows_at_lower_cost()
    {
        var verdict = await VerifyAsync(
            "SELECT c.id FROM customers c WHERE c.region = 'north' AND c.id IN (SELECT o.customer_id FROM orders o WHERE o.total > c.credit_limit)",
            "SELECT c.id FROM customers c WHERE c.region = 'north' AND EXISTS (SELECT FROM orders o WHERE o.customer_id = c.id AND o.total > c.credit_limit)");

        Assert.True(verdict.Accepted, verdict.Refusal);
        Assert.True(verdict.RewriteCost < verdict.OriginalCost / 10);
        Assert.True(verdict.OriginalRows > 10);
        Assert.Equal(verdict.OriginalRows, verdict.RewriteRows);
        Assert.Equal(verdict.OriginalHash, verdict.RewriteHash);
    }

    [Fact]
    public async Task OFFSET_page_rewritten_as_a_keyset_page_is_accepted_in_the_same_order()
    {
        var verdict = await VerifyAsync(PageByOffset, PageByKey);

        Assert.True(verdict.Accepted, verdict.Refusal);
        Assert.True(verdict.OrderMatters);
        Assert.Equal(50, verdict.RewriteRows);
        Assert.True(verdict.RewriteCost < verdict.OriginalCost / 10);
    }

    [Fact]
    public async Task Rewrite_missing_a_predicate_is_refused_with_both_row_counts_and_hashes()
    {
        var verdict = await VerifyAsync(AboveCustomerAverage, "SELECT o.id, o.total FROM orders o");

        Assert.False(verdict.Accepted);
        Assert.Equal(10000, verdict.RewriteRows);
        Assert.NotEqual(verdict.OriginalRows, verdict.RewriteRows);
        Assert.NotEqual(verdict.OriginalHash, verdict.RewriteHash);
        Assert.StartsWith("the rewrite returns different rows: 10000 rows against the original's", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyset_page_off_by_one_returns_as_many_rows_but_different_ones_and_is_refused()
    {
        var verdict = await VerifyAsync(PageByOffset, "SELECT id, total FROM orders WHERE id > 9001 ORDER BY id LIMIT 50");

        Assert.False(verdict.Accepted);
        Assert.Equal(50, verdict.OriginalRows);
        Assert.Equal(50, verdict.RewriteRows);
        Assert.NotEqual(verdict.OriginalHash, verdict.RewriteHash);
    }

    [Fact]
    public async Task Same_rows_at_a_higher_cost_are_refused_without_running_either()
    {
        var verdict = await VerifyAsync(AboveCustomerAverageByWindow, AboveCustomerAverage);

        Assert.False(verdict.Accepted);
        Assert.StartsWith("the rewrite is not cheaper: estimated cost", verdict.Refusal, StringComparison.Ordinal);
        Assert.True(verdict.RewriteCost > verdict.OriginalCost);
        Assert.Null(verdict.OriginalRows);
    }

    [Fact]
    public async Task A_required_relative_gain_refuses_a_rewrite_that_is_only_slightly_cheaper()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var verifier = new RewriteVerifier(dataSource, new RewriteVerifierOptions { MinimumRelativeGain = 0.999999 });

        var verdict = await verifier.VerifyAsync(PageByOffset, PageByKey, CancellationToken.None);

        Assert.False(verdict.Accepted);
        Assert.Contains("does not save", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordered_original_refuses_the_same_rows_in_another_order()
    {
        var verdict = await VerifyAsync(PageByOffset, $"SELECT id, total FROM ({PageByKey}) AS page ORDER BY id DESC");

        Assert.False(verdict.Accepted);
        Assert.True(verdict.OrderMatters);
        Assert.Equal(50, verdict.RewriteRows);
        Assert.Contains("another order", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unordered_original_accepts_the_same_rows_in_another_order()
    {
        var verdict = await VerifyAsync($"SELECT id, total FROM ({PageByOffset}) AS page", $"SELECT id, total FROM ({PageByKey}) AS page ORDER BY id DESC");

        Assert.True(verdict.Accepted, verdict.Refusal);
        Assert.False(verdict.OrderMatters);
    }

    [Fact]
    public async Task Column_order_is_part_of_the_answer()
    {
        var verdict = await VerifyAsync(PageByOffset, "SELECT total, id FROM orders WHERE id > 9000 ORDER BY id LIMIT 50");

        Assert.False(verdict.Accepted);
        Assert.Equal(50, verdict.RewriteRows);
    }

    [Theory]
    [InlineData("DELETE FROM orders WHERE id <= 10", "not a statement starting with DELETE")]
    [InlineData("WITH gone AS (DELETE FROM orders WHERE id <= 10 RETURNING id, total) SELECT id, total FROM gone", "the rewrite modifies data")]
    [InlineData("SELECT id, total FROM orders WHERE id > 9000 ORDER BY id LIMIT 50 FOR UPDATE", "the rewrite locks rows")]
    [InlineData("SELECT id, total FROM orders WHERE id > 9000 ORDER BY id LIMIT 50; DELETE FROM orders", "only one statement")]
    public async Task Writing_rewrite_is_refused_and_leaves_the_table_unchanged(string rewrite, string reason)
    {
        var verdict = await VerifyAsync(PageByOffset, rewrite);

        Assert.False(verdict.Accepted);
        Assert.Contains(reason, verdict.Refusal, StringComparison.Ordinal);
        Assert.Equal(10000L, await database.ScalarAsync<long>("SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task Writing_original_is_refused_before_anything_runs()
    {
        var verdict = await VerifyAsync("WITH gone AS (DELETE FROM orders RETURNING id) SELECT id FROM gone", "SELECT id FROM orders");

        Assert.StartsWith("the original modifies data", verdict.Refusal, StringComparison.Ordinal);
        Assert.Equal(10000L, await database.ScalarAsync<long>("SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task Rewrite_calling_a_volatile_function_is_planned_not_executed()
    {
        var verdict = await VerifyAsync(PageByOffset, "SELECT id, total FROM orders WHERE id > 9000 AND audited() = 1 ORDER BY id LIMIT 50");

        Assert.False(verdict.Accepted);
        Assert.Equal("the rewrite was not executed: audited is VOLATILE in pg_proc; planned only", verdict.Refusal);
        Assert.NotNull(verdict.RewriteCost);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM audit"));
    }

    [Fact]
    public async Task Statement_past_statement_timeout_is_refused_not_thrown()
    {
        var verdict = await VerifyAsync(
            "SELECT DISTINCT g FROM generate_series(1, 100000000) AS g",
            "SELECT g FROM generate_series(1, 100000000) AS g",
            new TargetSessionOptions { StatementTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.False(verdict.Accepted);
        Assert.Equal("running the original: ran past statement_timeout and was cancelled", verdict.Refusal);
    }

    [Fact]
    public async Task Syntax_error_is_refused_with_the_servers_message()
    {
        var verdict = await VerifyAsync(PageByOffset, "SELECT id, total FROM orders WHERE");

        Assert.False(verdict.Accepted);
        Assert.StartsWith("planning the rewrite:", verdict.Refusal, StringComparison.Ordinal);
        Assert.Contains("syntax error", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placeholders_run_with_the_same_constants_from_pg_stats_and_the_rewrite_is_accepted()
    {
        var verdict = await VerifyAsync(CustomersWithOrdersByJoin, CustomersWithOrdersByExists);

        Assert.True(verdict.Accepted, verdict.Refusal);
        Assert.Contains("$1 = 'south' (most common value of public.customers.region", verdict.Constants, StringComparison.Ordinal);
        Assert.True(verdict.OriginalRows > 500);
        Assert.Equal(verdict.OriginalHash, verdict.RewriteHash);
    }

    [Fact]
    public async Task Rewrite_that_drops_a_placeholder_is_refused()
    {
        var verdict = await VerifyAsync(CustomersWithOrdersByJoin, CustomersWithOrdersByExists.Replace("$1", "'south'", StringComparison.Ordinal));

        Assert.False(verdict.Accepted);
        Assert.Equal("the rewrite uses the placeholders none but the original $1; both must run with the same values", verdict.Refusal);
    }

    [Fact]
    public async Task Placeholder_compared_with_no_column_is_refused_for_want_of_constants()
    {
        var verdict = await VerifyAsync("SELECT id FROM orders WHERE total + $1 > 500", "SELECT id FROM orders WHERE total > 500 - $1");

        Assert.False(verdict.Accepted);
        Assert.StartsWith("cannot choose constants: $1", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_throws_instead_of_refusing()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RewriteVerifier(dataSource).VerifyAsync(PageByOffset, PageByKey, cancelled.Token));
    }
}
