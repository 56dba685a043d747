-- Health family (and table-level Configuration): a database restored and bulk-changed with
-- autovacuum switched off on its busy tables and no ANALYZE since (the runner skips its ANALYZE
-- here): dead tuples pile up, statistics were never gathered, and a ticket-number sequence that
-- is not a key has used most of its int range.
SELECT setseed(0.7);

CREATE TABLE user_sessions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_ref text NOT NULL,
    last_seen_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
) WITH (autovacuum_enabled = false);

CREATE TABLE page_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id bigint NOT NULL REFERENCES user_sessions (id) ON DELETE CASCADE,
    path text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
) WITH (autovacuum_enabled = false);
CREATE INDEX page_events_session_id_idx ON page_events (session_id);

CREATE SEQUENCE ticket_number_seq AS integer;
CREATE TABLE support_tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_number integer NOT NULL DEFAULT nextval('ticket_number_seq') UNIQUE,
    subject text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER SEQUENCE ticket_number_seq OWNED BY support_tickets.ticket_number;
SELECT setval('ticket_number_seq', 1900000000);

INSERT INTO user_sessions (user_ref, last_seen_at) SELECT 'u' || floor(random() * 5000)::int, timestamptz '2025-05-01' + random() * interval '30 days' FROM generate_series(1, 15000) AS i;
INSERT INTO page_events (session_id, path) SELECT 1 + floor(random() * 15000)::bigint, '/page/' || floor(random() * 300)::int FROM generate_series(1, 20000) AS i;
INSERT INTO support_tickets (subject) SELECT 'Ticket about ' || substr(md5(i::text), 1, 12) FROM generate_series(1, 200) AS i;

-- Every session touched once: 15,000 dead row versions that nothing vacuums.
UPDATE user_sessions SET last_seen_at = last_seen_at + interval '1 minute', updated_at = now();
