using Npgsql;

namespace DbArchitect.Postgres.Demo;

/// <summary>
/// A morning of shop traffic sent the way an application sends it (one parameter per statement),
/// so that pg_stat_statements shows normalised queries with call counts and pg_stat_user_indexes
/// shows some indexes busy and others never touched (customers_last_name_idx, one of the two
/// sku indexes, orders_status_idx).
/// </summary>
internal static class DemoWorkload
{
    private sealed record Query(string Sql, int Calls, int MaxKey);

    private static readonly Query[] Queries =
    [
        new("SELECT id, status, total_amount FROM orders WHERE id = $1", 300, 40_000),
        new("SELECT id, email, first_name, last_name FROM customers WHERE id = $1", 200, 20_000),
        new("SELECT id, product_id, quantity FROM cart_items WHERE customer_id = $1", 200, 20_000),
        new("SELECT id, name, price FROM products WHERE sku = 'SKU-' || lpad($1::text, 6, '0')", 100, 2_000),
        new("SELECT amount, status FROM payments WHERE order_id = $1", 100, 40_000),
        new("SELECT id, name, price FROM products WHERE category_id = $1 ORDER BY price LIMIT 20", 50, 25),
        new("SELECT carrier, tracking_number FROM shipment WHERE order_id = $1", 50, 40_000),
        // No index leads with orders.customer_id or order_items.order_id: every call reads the whole table.
        new("SELECT id, total_amount FROM orders WHERE customer_id = $1", 30, 20_000),
        new("SELECT oi.quantity, p.name FROM order_items AS oi JOIN products AS p ON p.id = oi.product_id WHERE oi.order_id = $1", 30, 40_000),
        new("SELECT count(*) FROM orders WHERE status = 'pending' AND created_at >= timestamp '2025-09-01' + $1 * interval '1 day'", 20, 90),
        new("SELECT path, viewed_at FROM page_views WHERE session_id = substr(md5($1::text), 1, 16)", 20, 7_500),
        new("""
            SELECT event_type, count(*) FROM events
            WHERE created_at >= timestamptz '2025-06-01 00:00:00+00' + $1 * interval '1 day'
              AND created_at < timestamptz '2025-06-02 00:00:00+00' + $1 * interval '1 day'
            GROUP BY event_type
            """, 5, 60),
    ];

    public static async Task RunAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Only this workload should show in pg_stat_statements, not the statements that loaded the data.
        await using (var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection))
        {
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // A fixed seed keeps the demo's statistics the same from run to run.
        var random = new Random(20251125);
        foreach (var query in Queries)
        {
            await using var command = new NpgsqlCommand(query.Sql, connection);
            var key = new NpgsqlParameter<int> { TypedValue = 1 };
            command.Parameters.Add(key);
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            for (var call = 0; call < query.Calls; call++)
            {
                key.TypedValue = random.Next(1, query.MaxKey + 1);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
