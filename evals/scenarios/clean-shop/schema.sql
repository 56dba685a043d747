-- A small shop designed the way a senior DBA would want it: identity keys, timestamptz audit
-- columns, numeric money, CHECKs on closed sets, every foreign key indexed and its delete rule
-- chosen on purpose. Data arrives in time order, as it would in production.
SELECT setseed(0.42);

CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    full_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku text NOT NULL UNIQUE,
    title text NOT NULL,
    price numeric(12,2) NOT NULL CHECK (price >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    status text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    total numeric(12,2) NOT NULL CHECK (total >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE TABLE order_items (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(12,2) NOT NULL CHECK (unit_price >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);

INSERT INTO customers (email, full_name, created_at, updated_at)
SELECT 'customer' || i || '@example.com', initcap(substr(md5(i::text), 1, 8)) || ' ' || initcap(substr(md5(i::text), 9, 10)),
       timestamptz '2024-01-01' + i * interval '1 hour', timestamptz '2024-01-01' + i * interval '1 hour'
FROM generate_series(1, 3000) AS i;

INSERT INTO products (sku, title, price)
SELECT 'SKU-' || lpad(i::text, 6, '0'), 'Product ' || substr(md5('p' || i), 1, 12), round((1 + random() * 200)::numeric, 2)
FROM generate_series(1, 500) AS i;

INSERT INTO orders (customer_id, status, total, created_at, updated_at)
SELECT 1 + floor(random() * 3000)::bigint,
       (ARRAY['pending', 'paid', 'shipped', 'cancelled'])[1 + floor(random() * 4)::int],
       round((5 + random() * 500)::numeric, 2),
       timestamptz '2024-06-01' + i * interval '10 minutes', timestamptz '2024-06-01' + i * interval '10 minutes'
FROM generate_series(1, 15000) AS i;

INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT o.id, p.product_id, 1 + floor(random() * 3)::int, round((1 + random() * 200)::numeric, 2)
FROM orders AS o
CROSS JOIN LATERAL (SELECT DISTINCT 1 + floor(random() * 500 + o.id * 0)::bigint AS product_id FROM generate_series(1, 2)) AS p;
