-- Writes that follow the read workload: a few new orders (drawing from the far-along sequence),
-- more events appended in time order, and cart clean-ups on a table whose autovacuum is off,
-- so the dead tuples stay.
INSERT INTO orders (tenant_id, customer_id, status, customer_city, customer_zip, total_amount, created_at)
SELECT 1 + (g * 20) % 20, g * 20, 'pending', 'Berlin', '10115', 19.99 * g, timestamp '2025-12-01 00:00:00' + g * interval '1 minute'
FROM generate_series(1, 25) AS g;

INSERT INTO events (tenant_id, event_type, payload, created_at)
SELECT 1 + g % 20, 'page_view', jsonb_build_object('session', substr(md5(g::text), 1, 16)),
       timestamptz '2025-12-01 00:00:00+00' + g * interval '1 second'
FROM generate_series(1, 500) AS g;

DELETE FROM cart_items WHERE id % 3 = 0;
UPDATE cart_items SET quantity = quantity + 1, updated_at = updated_at + interval '1 hour' WHERE id % 5 = 0;

-- A standby that was set up once and never came back: its slot holds WAL.
SELECT pg_create_physical_replication_slot('shop_demo_standby', true)
WHERE NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = 'shop_demo_standby');
