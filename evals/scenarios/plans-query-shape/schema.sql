-- Plan insights: a sound schema whose queries are the problem. SELECT * over nine columns,
-- deep OFFSET pagination, NOT IN (subquery), a function applied to an indexed column, and an
-- application loop fetching one author at a time (traffic.sql, 1,200 calls).
SELECT setseed(0.8);

CREATE TABLE authors (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    display_name text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE articles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    slug text NOT NULL UNIQUE,
    headline text NOT NULL,
    body text NOT NULL,
    word_count integer NOT NULL CHECK (word_count >= 0),
    published_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX articles_author_id_idx ON articles (author_id);
CREATE INDEX articles_published_at_idx ON articles (published_at);

INSERT INTO authors (email, display_name, created_at, updated_at)
SELECT 'Author' || i || '@Example.com', 'Author ' || substr(md5(i::text), 1, 10),
       timestamptz '2020-01-01' + random() * interval '1500 days', timestamptz '2024-01-01' + random() * interval '300 days'
FROM generate_series(1, 12000) AS i;

INSERT INTO articles (author_id, slug, headline, body, word_count, published_at, created_at, updated_at)
SELECT 1 + floor(random() * 10000)::bigint, 'article-' || i, 'Headline ' || substr(md5(i::text), 1, 20), repeat(md5(i::text), 4),
       floor(random() * 3000)::int, CASE WHEN random() < 0.9 THEN timestamptz '2023-01-01' + random() * interval '700 days' END,
       timestamptz '2022-01-01' + random() * interval '1000 days', timestamptz '2024-06-01' + random() * interval '100 days'
FROM generate_series(1, 25000) AS i;
