-- Nothing to change: a multi-tenant double-entry ledger. Row-level security on every tenant
-- table, composite keys whose leading columns serve the foreign keys, a partial unique index,
-- closed sets under CHECK, numeric amounts, delete rules stated on purpose.
SELECT setseed(0.12);

CREATE TABLE organisations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger_accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    account_number text NOT NULL,
    currency text NOT NULL CHECK (currency IN ('EUR', 'USD', 'GBP')),
    closed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, account_number)
);
CREATE UNIQUE INDEX ledger_accounts_open_number_idx ON ledger_accounts (account_number) WHERE closed_at IS NULL;

CREATE TABLE journal_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    memo text NOT NULL,
    booked_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_entries_org_id_booked_at_idx ON journal_entries (org_id, booked_at);

CREATE TABLE postings (
    entry_id bigint NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    line_number smallint NOT NULL CHECK (line_number > 0),
    org_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    account_id bigint NOT NULL REFERENCES ledger_accounts (id) ON DELETE RESTRICT,
    amount numeric(19,4) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_id, line_number)
);
CREATE INDEX postings_account_id_entry_id_idx ON postings (account_id, entry_id);
CREATE INDEX postings_org_id_idx ON postings (org_id);

ALTER TABLE ledger_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE postings ENABLE ROW LEVEL SECURITY;
CREATE POLICY ledger_accounts_tenant_isolation ON ledger_accounts USING (org_id = current_setting('app.org_id', true)::bigint);
CREATE POLICY journal_entries_tenant_isolation ON journal_entries USING (org_id = current_setting('app.org_id', true)::bigint);
CREATE POLICY postings_tenant_isolation ON postings USING (org_id = current_setting('app.org_id', true)::bigint);

INSERT INTO organisations (legal_name) SELECT 'Organisation ' || substr(md5(i::text), 1, 10) FROM generate_series(1, 20) AS i;
INSERT INTO ledger_accounts (org_id, account_number, currency, closed_at)
SELECT 1 + (i % 20), 'ACC-' || lpad(i::text, 6, '0'), (ARRAY['EUR', 'USD', 'GBP'])[1 + floor(random() * 3)::int],
       CASE WHEN random() < 0.1 THEN timestamptz '2024-12-31' END
FROM generate_series(1, 1000) AS i;
INSERT INTO journal_entries (org_id, memo, booked_at)
SELECT 1 + floor(random() * 20)::bigint, 'Entry ' || substr(md5(i::text), 1, 14), timestamptz '2025-01-01' + random() * interval '180 days'
FROM generate_series(1, 12000) AS i;
INSERT INTO postings (entry_id, line_number, org_id, account_id, amount)
SELECT e.id, l.n, e.org_id, 1 + floor(random() * 1000)::bigint, round((random() * 1000 - 500)::numeric, 2)
FROM journal_entries AS e CROSS JOIN generate_series(1, 3) AS l(n);
