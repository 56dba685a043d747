-- Design family: numbered phone columns (a repeating group), comma-separated tags, a zip code
-- that determines the city (a transitive dependency), and a 20,000-row sensor log stored in
-- time order with no index on its time column (a BRIN index is the cheap answer).
SELECT setseed(0.4);

CREATE TABLE contacts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_name text NOT NULL,
    phone1 text,
    phone2 text,
    phone3 text,
    tags text,
    zip_code text NOT NULL,
    city text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE sensor_readings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sensor_code text NOT NULL,
    reading numeric(10,3) NOT NULL,
    recorded_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TEMP TABLE towns AS
SELECT n, lpad((10000 + n * 37)::text, 5, '0') AS zip_code, 'Town ' || substr(md5('town' || n), 1, 8) AS city
FROM generate_series(0, 59) AS n;

INSERT INTO contacts (full_name, phone1, phone2, phone3, tags, zip_code, city, created_at, updated_at)
SELECT 'Contact ' || substr(md5(i::text), 1, 10),
       '+1-555-' || lpad((i % 10000)::text, 4, '0'),
       CASE WHEN random() < 0.4 THEN '+1-555-' || lpad(((i * 7) % 10000)::text, 4, '0') END,
       CASE WHEN random() < 0.1 THEN '+1-555-' || lpad(((i * 13) % 10000)::text, 4, '0') END,
       (SELECT string_agg(tag, ',') FROM unnest(ARRAY['vip', 'newsletter', 'b2b', 'lead', 'partner', 'churned', 'trial']) AS tag WHERE random() < 0.3 + i * 0),
       t.zip_code, t.city,
       timestamptz '2023-01-01' + random() * interval '700 days', timestamptz '2025-01-01' + random() * interval '10 days'
FROM generate_series(1, 6000) AS i
JOIN towns AS t ON t.n = floor(random() * 60)::int + i * 0;

INSERT INTO sensor_readings (sensor_code, reading, recorded_at, created_at, updated_at)
SELECT 'S' || (1 + floor(random() * 40)::int), round((random() * 100)::numeric, 3),
       timestamptz '2025-01-01' + i * interval '1 minute',
       timestamptz '2025-01-01' + i * interval '1 minute' + interval '2 seconds',
       timestamptz '2025-01-01' + i * interval '1 minute' + interval '2 seconds'
FROM generate_series(1, 20000) AS i;
