-- The advisor benchmark's workload: what a shop application sends, one statement per entry.
-- Each entry starts with a header line "-- label, calls N"; the statement runs to the next header.
-- Some carry $n placeholders (as pg_stat_statements reports them), some literals (as a log does).

-- customer_by_email, calls 20000
SELECT id, name, status FROM customers WHERE email = $1;

-- customer_by_id, calls 50000
SELECT * FROM customers WHERE id = $1;

-- customer_orders_recent, calls 30000
SELECT id, status, total, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20;

-- customer_orders_by_status, calls 5000
SELECT id, total FROM orders WHERE customer_id = $1 AND status = $2;

-- order_by_id, calls 60000
SELECT * FROM orders WHERE id = $1;

-- pending_orders_oldest, calls 2000
SELECT id, customer_id, created_at FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 50;

-- failed_payments_recent, calls 1500
SELECT id, customer_id, total FROM orders WHERE status = 'payment_failed' AND created_at >= '2025-11-01';

-- orders_in_period, calls 1000
SELECT count(*), sum(total) FROM orders WHERE created_at >= $1 AND created_at < $2;

-- latest_orders_page, calls 3000
SELECT id, customer_id, total FROM orders ORDER BY created_at DESC LIMIT 50;

-- app_orders_in_june, calls 500
SELECT id, total FROM orders WHERE channel = 'app' AND created_at >= '2025-06-01' AND created_at < '2025-06-08';

-- unshipped_before, calls 200
SELECT id, status FROM orders WHERE shipped_at IS NULL AND created_at < $1;

-- order_lines, calls 40000
SELECT line_no, product_id, quantity, unit_price FROM order_items WHERE order_id = $1;

-- product_order_lines, calls 3000
SELECT order_id, quantity FROM order_items WHERE product_id = $1;

-- customer_recent_lines, calls 4000
SELECT o.id, i.product_id, i.quantity
FROM orders o JOIN order_items i ON i.order_id = o.id
WHERE o.customer_id = $1 AND o.created_at >= $2;

-- category_sales_since, calls 200
SELECT p.category, sum(i.quantity * i.unit_price)
FROM order_items i
JOIN orders o ON o.id = i.order_id
JOIN products p ON p.id = i.product_id
WHERE o.created_at >= '2025-10-01'
GROUP BY p.category;

-- top_spenders_in_period, calls 100
SELECT customer_id, sum(total) FROM orders
WHERE created_at >= $1 AND created_at < $2
GROUP BY customer_id ORDER BY 2 DESC LIMIT 10;

-- orders_per_status, calls 300
SELECT status, count(*) FROM orders GROUP BY status;

-- revenue_all_time, calls 50
SELECT sum(total) FROM orders;

-- customers_by_country_segment, calls 500
SELECT count(*) FROM customers WHERE country = $1 AND segment = $2;

-- blocked_customers_latest, calls 200
SELECT id, email FROM customers WHERE status = 'blocked' ORDER BY created_at DESC LIMIT 100;

-- signups_in_period, calls 300
SELECT id, email FROM customers WHERE created_at >= $1 AND created_at < $2;

-- email_prefix_search, calls 100
SELECT id, email FROM customers WHERE email LIKE 'user123%';

-- category_page, calls 8000
SELECT id, name, price FROM products WHERE category = $1 AND active ORDER BY price LIMIT 20;

-- product_by_sku, calls 15000
SELECT id, name, price FROM products WHERE sku = $1;

-- customer_events_recent, calls 10000
SELECT kind, occurred_at FROM events WHERE customer_id = $1 ORDER BY occurred_at DESC LIMIT 20;

-- event_kinds_since, calls 2000
SELECT kind, count(*) FROM events WHERE occurred_at >= $1 GROUP BY kind;

-- checkouts_in_week, calls 400
SELECT count(*) FROM events WHERE kind = 'checkout' AND occurred_at >= '2025-03-01' AND occurred_at < '2025-03-08';

-- events_of_session, calls 1000
SELECT id, kind FROM events WHERE payload ->> 'session' = $1;

-- tablet_events, calls 50
SELECT count(*) FROM events WHERE payload @> '{"device": "tablet"}';

-- row_history, calls 3000
SELECT action, actor, logged_at FROM audit_log WHERE table_name = 'orders' AND row_id = $1 ORDER BY logged_at DESC;

-- audit_in_period, calls 100
SELECT count(*) FROM audit_log WHERE logged_at >= $1 AND logged_at < $2;

-- actor_recent_changes, calls 500
SELECT id, table_name, row_id FROM audit_log WHERE actor = $1 ORDER BY logged_at DESC LIMIT 50;

-- order_lines_total, calls 20
SELECT count(*) FROM order_items;

-- average_quantity, calls 20
SELECT avg(quantity) FROM order_items;

-- orders_per_country, calls 10
SELECT c.country, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.country;
