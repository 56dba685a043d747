-- Index advisor: shipments looked up by tracking code and counted by shipping day, with no index
-- for either; a customer lookup that the foreign-key index already serves well enough.
SELECT setseed(0.9);

CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    tracking_code text NOT NULL,
    status text NOT NULL CHECK (status IN ('label_created', 'in_transit', 'delivered', 'returned')),
    shipped_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX shipments_customer_id_idx ON shipments (customer_id);

INSERT INTO customers (email, created_at, updated_at)
SELECT 'c' || i || '@example.com', timestamptz '2022-01-01' + random() * interval '900 days', timestamptz '2024-06-01' + random() * interval '100 days'
FROM generate_series(1, 5000) AS i;

INSERT INTO shipments (customer_id, tracking_code, status, shipped_at, created_at, updated_at)
SELECT 1 + floor(random() * 5000)::bigint, 'TRK' || lpad(i::text, 8, '0'),
       (ARRAY['label_created', 'in_transit', 'delivered', 'returned'])[1 + floor(random() * 4)::int],
       timestamptz '2025-03-01' + i * interval '4 minutes',
       timestamptz '2025-03-01' + i * interval '4 minutes' - interval '1 hour',
       timestamptz '2025-03-01' + i * interval '4 minutes'
FROM generate_series(1, 40000) AS i;
