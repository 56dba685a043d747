-- Generated server-side from one seed so that every load is identical: rows depend only on
-- generate_series and random() after setseed, never on the clock.
SELECT setseed(0.20251125);

INSERT INTO tenants (name, plan, created_at, updated_at)
SELECT 'Shop ' || g,
       (ARRAY['free', 'pro', 'enterprise'])[1 + g % 3],
       timestamptz '2024-06-01 00:00:00+00' + g * interval '3 days',
       timestamptz '2024-06-01 00:00:00+00' + g * interval '5 days'
FROM generate_series(1, 20) AS g;

INSERT INTO categories (name, created_at, updated_at)
SELECT c, timestamptz '2024-06-01 00:00:00+00', timestamptz '2024-06-01 00:00:00+00'
FROM unnest(ARRAY['Books', 'Music', 'Games', 'Garden', 'Kitchen', 'Toys', 'Shoes', 'Bags', 'Watches',
                  'Phones', 'Laptops', 'Cameras', 'Audio', 'Lighting', 'Furniture', 'Bedding', 'Bath',
                  'Pets', 'Sports', 'Outdoor', 'Tools', 'Office', 'Beauty', 'Health', 'Grocery']) AS c;

-- Every city has exactly one zip code: orders.customer_zip depends on customer_city alone.
CREATE TEMPORARY TABLE demo_cities AS
SELECT ARRAY['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Frankfurt', 'Stuttgart', 'Dusseldorf', 'Leipzig',
                  'Dortmund', 'Essen', 'Bremen', 'Dresden', 'Hanover', 'Nuremberg', 'Duisburg', 'Bochum',
                  'Wuppertal', 'Bielefeld', 'Bonn', 'Munster', 'Mannheim', 'Karlsruhe', 'Augsburg', 'Wiesbaden',
                  'Kiel', 'Aachen', 'Chemnitz', 'Halle', 'Magdeburg', 'Freiburg', 'Krefeld', 'Mainz', 'Lubeck',
                  'Erfurt', 'Rostock', 'Kassel', 'Hagen', 'Potsdam', 'Saarbrucken', 'Hamm'] AS cities,
       ARRAY['10115', '20095', '80331', '50667', '60311', '70173', '40213', '04109', '44135', '45127',
                  '28195', '01067', '30159', '90402', '47051', '44787', '42103', '33602', '53111', '48143',
                  '68159', '76133', '86150', '65183', '24103', '52062', '09111', '06108', '39104', '79098',
                  '47798', '55116', '23552', '99084', '18055', '34117', '58095', '14467', '66111', '59065'] AS zips;

INSERT INTO customers (tenant_id, email, first_name, last_name, phone1, phone2, phone3, city, created_at)
SELECT 1 + g % 20,
       -- One in a thousand addresses was registered twice: the unique index on email cannot be built.
       'customer' || CASE WHEN g % 1000 = 0 THEN g - 1 ELSE g END || '@example.com',
       (ARRAY['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas',
              'Katja', 'Lukas', 'Mia', 'Noah', 'Olga', 'Paul'])[1 + floor(random() * 16)::int],
       (ARRAY['Muller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker',
              'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz'])[1 + floor(random() * 16)::int],
       '+49 30 ' || lpad((floor(random() * 10000000))::text, 7, '0'),
       CASE WHEN random() < 0.4 THEN '+49 170 ' || lpad((floor(random() * 10000000))::text, 7, '0') END,
       CASE WHEN random() < 0.1 THEN '+49 151 ' || lpad((floor(random() * 10000000))::text, 7, '0') END,
       cities[1 + (g * 7) % 40],
       timestamp '2024-06-01 00:00:00' + g * interval '20 minutes'
FROM generate_series(1, 20000) AS g
CROSS JOIN demo_cities;

INSERT INTO products (category_id, sku, name, price, tags, attributes, created_at)
SELECT 1 + g % 25,
       'SKU-' || lpad(g::text, 6, '0'),
       (ARRAY['Classic', 'Compact', 'Deluxe', 'Eco', 'Pro', 'Smart', 'Ultra', 'Vintage'])[1 + floor(random() * 8)::int] || ' ' ||
       (ARRAY['Lamp', 'Chair', 'Kettle', 'Speaker', 'Backpack', 'Jacket', 'Novel', 'Puzzle', 'Drill', 'Mug'])[1 + floor(random() * 10)::int],
       round((1 + random() * 250)::numeric, 2)::double precision,
       array_to_string((ARRAY['sale', 'new', 'eco', 'gift', 'bestseller', 'limited', 'bundle', 'clearance'])[1 + g % 5:1 + g % 5 + floor(random() * 3)::int], ','),
       json_build_object('color', (ARRAY['black', 'white', 'red', 'blue', 'green'])[1 + floor(random() * 5)::int],
                         'weight_g', 50 + floor(random() * 5000)::int),
       timestamp '2024-06-01 00:00:00' + g * interval '2 hours'
FROM generate_series(1, 2000) AS g;

INSERT INTO orders (tenant_id, customer_id, status, customer_city, customer_zip, total_amount, created_at)
SELECT 1 + customer_id % 20,
       customer_id,
       CASE WHEN r < 0.70 THEN 'delivered' WHEN r < 0.80 THEN 'shipped' WHEN r < 0.88 THEN 'paid'
            WHEN r < 0.95 THEN 'pending' ELSE 'cancelled' END,
       cities[1 + (customer_id * 7) % 40],
       zips[1 + (customer_id * 7) % 40],
       round((5 + random() * 400)::numeric, 2)::double precision,
       timestamp '2025-01-01 00:00:00' + g * interval '12 minutes'
FROM (SELECT g, 1 + floor(random() * 20000)::int, random() FROM generate_series(1, 40000) AS g) AS drawn(g, customer_id, r)
CROSS JOIN demo_cities
ORDER BY g;

INSERT INTO order_items (order_id, product_id, quantity, unit_price, created_at, updated_at)
SELECT o.order_id,
       1 + floor(random() * 2000)::int,
       1 + floor(random() * random() * 5)::int,
       round((1 + random() * 250)::numeric, 2),
       timestamptz '2025-01-01 00:00:00+00' + o.order_id * interval '12 minutes',
       timestamptz '2025-01-01 00:00:00+00' + o.order_id * interval '12 minutes'
FROM (SELECT g, 1 + floor(random() * 40000)::int FROM generate_series(1, 120000) AS g) AS o(g, order_id);

INSERT INTO payments (order_id, amount, method, status, paid_at, created_at, updated_at)
SELECT g,
       round((5 + random() * 400)::numeric, 2)::real,
       (ARRAY['card', 'card', 'card', 'paypal', 'paypal', 'invoice', 'voucher'])[1 + floor(random() * 7)::int],
       CASE WHEN random() < 0.92 THEN 'captured' WHEN random() < 0.5 THEN 'refunded' ELSE 'failed' END,
       timestamp '2025-01-01 00:05:00' + g * interval '12 minutes',
       timestamptz '2025-01-01 00:05:00+00' + g * interval '12 minutes',
       timestamptz '2025-01-01 00:05:00+00' + g * interval '12 minutes'
FROM generate_series(1, 38000) AS g;

INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at, created_at, updated_at)
SELECT g,
       (ARRAY['DHL', 'DPD', 'Hermes', 'UPS', 'GLS'])[1 + floor(random() * 5)::int],
       upper(substr(md5(g::text), 1, 14)),
       timestamptz '2025-01-02 00:00:00+00' + g * interval '12 minutes',
       timestamptz '2025-01-02 00:00:00+00' + g * interval '12 minutes',
       timestamptz '2025-01-02 00:00:00+00' + g * interval '12 minutes'
FROM generate_series(1, 30000) AS g;

INSERT INTO "OrderNotes" (order_id, author, note, created_at)
SELECT o.order_id,
       (ARRAY['support', 'warehouse', 'customer'])[1 + floor(random() * 3)::int],
       (ARRAY['Please leave at the door', 'Gift wrap requested', 'Address corrected', 'Call before delivery',
              'Damaged box reported'])[1 + floor(random() * 5)::int],
       timestamptz '2025-01-01 00:30:00+00' + o.order_id * interval '12 minutes'
FROM (SELECT g, 1 + floor(random() * 40000)::int FROM generate_series(1, 3000) AS g) AS o(g, order_id);

INSERT INTO coupon_redemptions (coupon_code, order_id, redeemed_at)
SELECT (ARRAY['WELCOME10', 'SPRING25', 'FREESHIP', 'VIP15'])[1 + floor(random() * 4)::int],
       o.order_id,
       timestamptz '2025-01-01 00:01:00+00' + o.order_id * interval '12 minutes'
FROM (SELECT g, 1 + floor(random() * 40000)::int FROM generate_series(1, 5000) AS g) AS o(g, order_id);

INSERT INTO page_views (session_id, path, referrer, viewed_at)
SELECT substr(md5((g / 8)::text), 1, 16),
       (ARRAY['/', '/search', '/cart', '/checkout'])[1 + floor(random() * 4)::int] || CASE WHEN random() < 0.5 THEN '' ELSE '?page=' || (1 + floor(random() * 9)::int) END,
       CASE WHEN random() < 0.3 THEN 'https://www.google.com/' END,
       timestamptz '2025-01-01 00:00:00+00' + g * interval '7 minutes'
FROM generate_series(1, 60000) AS g;

INSERT INTO cart_items (customer_id, product_id, quantity, created_at, updated_at)
SELECT 1 + floor(random() * 20000)::int,
       1 + floor(random() * 2000)::int,
       1 + floor(random() * 3)::int,
       timestamptz '2025-06-01 00:00:00+00' + g * interval '5 minutes',
       timestamptz '2025-06-01 00:00:00+00' + g * interval '5 minutes'
FROM generate_series(1, 30000) AS g;

INSERT INTO wishlists (customer_id, product_id, created_at, updated_at)
SELECT 1 + (g * 433) % 20000, 1 + (g * 37) % 2000,
       timestamptz '2025-03-01 00:00:00+00' + g * interval '1 day',
       timestamptz '2025-03-01 00:00:00+00' + g * interval '1 day'
FROM generate_series(1, 45) AS g;

-- Append-only and time-ordered: created_at rises with the physical row order.
INSERT INTO events (tenant_id, event_type, payload, created_at)
SELECT 1 + floor(random() * 20)::int,
       (ARRAY['page_view', 'page_view', 'page_view', 'add_to_cart', 'checkout_started', 'order_placed',
              'payment_captured', 'shipment_sent'])[1 + floor(random() * 8)::int],
       jsonb_build_object('session', substr(md5((g / 12)::text), 1, 16), 'product_id', 1 + floor(random() * 2000)::int),
       timestamptz '2025-01-01 00:00:00+00' + g * interval '2 minutes' + floor(random() * 100) * interval '1 second'
FROM generate_series(1, 200000) AS g;

DROP TABLE demo_cities;

-- Four fifths of the way to integer overflow: the next ids come from here.
SELECT setval(pg_get_serial_sequence('orders', 'id'), 1717986918);
