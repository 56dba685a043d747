-- Naming family: a mixed-case table and column, a reserved word as table name, a column with a
-- space, and a singular table name. Otherwise well designed.
SELECT setseed(0.3);

CREATE TABLE "Customers" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "emailAddress" text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE "order" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES "Customers" (id) ON DELETE RESTRICT,
    "delivery note" text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_customer_id_idx ON "order" (customer_id);

CREATE TABLE invoice (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES "order" (id) ON DELETE RESTRICT,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_order_id_idx ON invoice (order_id);

CREATE TABLE shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES "order" (id) ON DELETE CASCADE,
    carrier_code text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_order_id_idx ON shipments (order_id);

INSERT INTO "Customers" ("emailAddress") SELECT 'c' || i || '@example.com' FROM generate_series(1, 2000) AS i;
INSERT INTO "order" (customer_id, "delivery note") SELECT 1 + floor(random() * 2000)::bigint, 'leave at door ' || substr(md5(i::text), 1, 6) FROM generate_series(1, 5000) AS i;
INSERT INTO invoice (order_id) SELECT i FROM generate_series(1, 4000) AS i;
INSERT INTO shipments (order_id, carrier_code) SELECT i, 'C' || substr(md5(i::text), 1, 5) FROM generate_series(1, 4000) AS i;
