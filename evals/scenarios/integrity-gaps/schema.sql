-- Integrity family: a CHECK added NOT VALID and never validated, a nullable foreign-key column
-- that never holds NULL on a 20,000-row table, and foreign keys left at ON DELETE NO ACTION
-- between orders and their lines (children that should go with their parent).
SELECT setseed(0.6);

CREATE TABLE suppliers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE purchase_orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supplier_id bigint REFERENCES suppliers (id),
    reference text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchase_orders_supplier_id_idx ON purchase_orders (supplier_id);

CREATE TABLE purchase_order_lines (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purchase_order_id bigint NOT NULL REFERENCES purchase_orders (id),
    quantity integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchase_order_lines_purchase_order_id_idx ON purchase_order_lines (purchase_order_id);

INSERT INTO suppliers (display_name) SELECT 'Supplier ' || substr(md5(i::text), 1, 10) FROM generate_series(1, 300) AS i;
INSERT INTO purchase_orders (supplier_id, reference) SELECT 1 + floor(random() * 300)::bigint, 'PO-' || lpad(i::text, 7, '0') FROM generate_series(1, 20000) AS i;
INSERT INTO purchase_order_lines (purchase_order_id, quantity) SELECT 1 + floor(random() * 20000)::bigint, 1 + floor(random() * 50)::int FROM generate_series(1, 25000) AS i;

ALTER TABLE purchase_order_lines ADD CONSTRAINT purchase_order_lines_quantity_check CHECK (quantity > 0) NOT VALID;
