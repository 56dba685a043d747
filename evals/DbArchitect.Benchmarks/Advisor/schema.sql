-- The advisor benchmark's shop: customers place orders of products; events and an audit log
-- grow append-only in time order. Distributions are skewed on purpose (a few heavy customers,
-- a dominant order status, rare failures) so that selectivity decides which index pays.
-- No secondary index exists: primary keys only, as a freshly migrated schema would have.

CREATE TABLE customers (
    id          bigint PRIMARY KEY,
    email       text NOT NULL,
    name        text NOT NULL,
    country     char(2) NOT NULL,
    segment     text NOT NULL,
    status      text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE products (
    id          integer PRIMARY KEY,
    sku         text NOT NULL,
    name        text NOT NULL,
    category    text NOT NULL,
    price       numeric(10, 2) NOT NULL,
    active      boolean NOT NULL
);

CREATE TABLE orders (
    id           bigint PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    status       text NOT NULL,
    channel      text NOT NULL,
    total        numeric(12, 2) NOT NULL,
    created_at   timestamptz NOT NULL,
    shipped_at   timestamptz
);

CREATE TABLE order_items (
    order_id     bigint NOT NULL REFERENCES orders (id),
    line_no      integer NOT NULL,
    product_id   integer NOT NULL REFERENCES products (id),
    quantity     integer NOT NULL,
    unit_price   numeric(10, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE events (
    id           bigint PRIMARY KEY,
    customer_id  bigint,
    kind         text NOT NULL,
    occurred_at  timestamptz NOT NULL,
    payload      jsonb NOT NULL
);

CREATE TABLE audit_log (
    id           bigint PRIMARY KEY,
    table_name   text NOT NULL,
    row_id       bigint NOT NULL,
    action       text NOT NULL,
    actor        text NOT NULL,
    logged_at    timestamptz NOT NULL
);

-- 40,000 customers; 3 % blocked, most in a handful of countries.
INSERT INTO customers
SELECT g,
       'user' || g || '@example.com',
       'Customer ' || g,
       (ARRAY['US','US','US','DE','DE','GB','FR','NL','SE','BR'])[1 + (hashint4(g) & 2147483647) % 10],
       (ARRAY['consumer','consumer','consumer','consumer','business','enterprise'])[1 + (hashint4(g + 1) & 2147483647) % 6],
       CASE WHEN (hashint4(g + 2) & 2147483647) % 100 < 3 THEN 'blocked' ELSE 'active' END,
       timestamptz '2021-01-01' + g * interval '30 minutes'
FROM generate_series(1, 40000) g;

-- 2,000 products in 20 categories, a tenth retired.
INSERT INTO products
SELECT g,
       'SKU-' || lpad(g::text, 6, '0'),
       'Product ' || g,
       'category-' || (1 + g % 20),
       (5 + (hashint4(g) & 2147483647) % 50000 / 100.0)::numeric(10, 2),
       g % 10 <> 0
FROM generate_series(1, 2000) g;

-- 150,000 orders over three years, created_at rising with id; customers follow a power law
-- (a cube of a uniform number), so a few customers own many orders. 90 % delivered, rare
-- failures and pending orders are the partial-index cases.
INSERT INTO orders
SELECT g,
       1 + floor(40000 * power(u, 3))::bigint,
       CASE WHEN s < 900 THEN 'delivered' WHEN s < 950 THEN 'shipped' WHEN s < 985 THEN 'pending'
            WHEN s < 997 THEN 'cancelled' ELSE 'payment_failed' END,
       (ARRAY['web','web','web','app','app','phone'])[1 + g % 6],
       (10 + (hashint4(g) & 2147483647) % 100000 / 100.0)::numeric(12, 2),
       created,
       CASE WHEN s < 950 THEN created + interval '1 day' * (1 + g % 4) END
FROM (SELECT g,
             ((hashint4(g * 7) & 2147483647) / 2147483647.0) AS u,
             (hashint4(g * 13) & 2147483647) % 1000 AS s,
             timestamptz '2023-01-01' + g * interval '10 minutes' AS created
      FROM generate_series(1, 150000) g) o;

-- One to three lines per order (about 300,000), popular products first.
INSERT INTO order_items
SELECT o.id,
       l,
       1 + floor(2000 * power((hashint4((o.id * 3 + l)::int) & 2147483647) / 2147483647.0, 2))::int,
       1 + (o.id + l) % 5,
       (5 + (hashint4((o.id + l)::int) & 2147483647) % 20000 / 100.0)::numeric(10, 2)
FROM orders o, generate_series(1, 1 + (o.id % 3)::int) l;

-- 120,000 events, append-only in time order; kinds are few, page views dominate.
INSERT INTO events
SELECT g,
       CASE WHEN g % 5 = 0 THEN NULL ELSE 1 + floor(40000 * power((hashint4(g * 11) & 2147483647) / 2147483647.0, 2))::bigint END,
       (ARRAY['page_view','page_view','page_view','page_view','add_to_cart','checkout','login','search'])[1 + g % 8],
       timestamptz '2025-01-01' + g * interval '2 minutes',
       jsonb_build_object('path', '/p/' || (g % 500), 'device', (ARRAY['mobile','desktop','tablet'])[1 + g % 3], 'session', md5(g::text))
FROM generate_series(1, 120000) g;

-- 100,000 audit rows, time-ordered; row_id points into orders.
INSERT INTO audit_log
SELECT g,
       (ARRAY['orders','orders','orders','customers','products'])[1 + g % 5],
       1 + (hashint4(g * 17) & 2147483647) % 150000,
       (ARRAY['update','update','update','insert','delete'])[1 + g % 5],
       'user-' || (g % 50),
       timestamptz '2024-01-01' + g * interval '5 minutes'
FROM generate_series(1, 100000) g;
