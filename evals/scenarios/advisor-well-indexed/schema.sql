-- Nothing to change, with a workload: every statement already has the index it needs, so the
-- advisor should recommend nothing and the plans should raise nothing.
SELECT setseed(0.11);

CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE parcels (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    tracking_code text NOT NULL UNIQUE,
    status text NOT NULL CHECK (status IN ('label_created', 'in_transit', 'delivered', 'returned')),
    shipped_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX parcels_customer_id_shipped_at_idx ON parcels (customer_id, shipped_at);
CREATE INDEX parcels_shipped_at_idx ON parcels (shipped_at);

INSERT INTO customers (email, created_at, updated_at)
SELECT 'c' || i || '@example.com', timestamptz '2022-01-01' + random() * interval '900 days', timestamptz '2024-06-01' + random() * interval '100 days'
FROM generate_series(1, 5000) AS i;

INSERT INTO parcels (customer_id, tracking_code, status, shipped_at, created_at, updated_at)
SELECT 1 + floor(random() * 5000)::bigint, 'TRK' || lpad(i::text, 8, '0'),
       (ARRAY['label_created', 'in_transit', 'delivered', 'returned'])[1 + floor(random() * 4)::int],
       timestamptz '2025-03-01' + i * interval '4 minutes',
       timestamptz '2025-03-01' + i * interval '4 minutes' - interval '1 hour',
       timestamptz '2025-03-01' + i * interval '4 minutes'
FROM generate_series(1, 40000) AS i;
