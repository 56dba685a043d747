-- Types family: a schema ported from MySQL habits. varchar(255), timestamp without time zone,
-- json, double precision money, serial keys (one of them three quarters through its int range)
-- and a status stored as free text with no CHECK.
SELECT setseed(0.2);

CREATE TABLE accounts (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name varchar(255) NOT NULL,
    created_at timestamp NOT NULL DEFAULT now(),
    updated_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
    id serial PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    amount double precision NOT NULL,
    state text NOT NULL,
    metadata json,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoices_account_id_idx ON invoices (account_id);

INSERT INTO accounts (email, display_name, created_at, updated_at)
SELECT 'user' || i || '@example.com', 'User ' || substr(md5(i::text), 1, 10), timestamp '2024-01-01' + i * interval '1 hour', timestamp '2024-01-01' + i * interval '1 hour'
FROM generate_series(1, 2000) AS i;

-- The invoice key has been counting for years: three quarters of the int range are gone.
SELECT setval('invoices_id_seq', 1600000000);
INSERT INTO invoices (account_id, amount, state, metadata)
SELECT 1 + floor(random() * 2000)::int, (random() * 1000)::float8,
       (ARRAY['draft', 'sent', 'paid', 'void'])[1 + floor(random() * 4)::int],
       json_build_object('source', 'import', 'batch', i % 17)
FROM generate_series(1, 12000) AS i;
