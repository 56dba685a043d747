-- Indexes family: a foreign key with no index, an exact duplicate index, an index that is a left
-- prefix of another, an index left invalid by an interrupted CREATE INDEX CONCURRENTLY, and a
-- 15,000-row table with no index at all.
SELECT setseed(0.5);

CREATE TABLE warehouses (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stock_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    warehouse_id bigint NOT NULL REFERENCES warehouses (id) ON DELETE CASCADE,
    article_code text NOT NULL,
    bin_code text NOT NULL,
    quantity integer NOT NULL CHECK (quantity >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_items_article_code_idx ON stock_items (article_code);
CREATE INDEX stock_items_article_code_copy_idx ON stock_items (article_code);
CREATE INDEX stock_items_bin_code_idx ON stock_items (bin_code);
CREATE INDEX stock_items_bin_code_quantity_idx ON stock_items (bin_code, quantity);
CREATE INDEX stock_items_quantity_idx ON stock_items (quantity);

-- A bulk-import landing table: no key, no index.
CREATE TABLE stock_imports (
    article_code text NOT NULL,
    quantity integer NOT NULL,
    imported_at timestamptz NOT NULL
);

INSERT INTO warehouses (code) SELECT 'WH' || i FROM generate_series(1, 20) AS i;
INSERT INTO stock_items (warehouse_id, article_code, bin_code, quantity)
SELECT 1 + floor(random() * 20)::bigint, 'A' || lpad(floor(random() * 5000)::text, 5, '0'), 'B' || lpad(floor(random() * 800)::text, 4, '0'), floor(random() * 100)::int
FROM generate_series(1, 20000) AS i;
INSERT INTO stock_imports (article_code, quantity, imported_at)
SELECT 'A' || lpad(floor(random() * 5000)::text, 5, '0'), floor(random() * 100)::int, timestamptz '2025-03-01' + random() * interval '30 days'
FROM generate_series(1, 15000) AS i;

-- What an interrupted CREATE INDEX CONCURRENTLY leaves behind.
UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'stock_items_quantity_idx'::regclass;
