using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Explain.Insights;

/// <summary>Tables shaped so that each plan insight has a statement that triggers it and one that does not.</summary>
public sealed class InsightFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE events (
            id int PRIMARY KEY, category int NOT NULL, a int NOT NULL, b int NOT NULL, name text NOT NULL,
            note text, c1 int, c2 int, c3 int, c4 int, created_at timestamptz NOT NULL)
            WITH (autovacuum_enabled = false);
        INSERT INTO events
            SELECT g, g % 1000, g % 100, g % 100, 'name-' || md5(g::text), NULL, g, g, g, g, timestamptz '2026-01-01' + g * interval '1 minute'
            FROM generate_series(1, 200000) g;
        CREATE INDEX events_a_idx ON events (a);
        CREATE TABLE kinds (k int PRIMARY KEY, label text);
        INSERT INTO kinds SELECT g, 'kind ' || g FROM generate_series(0, 999) g;
        ANALYZE kinds;
        ANALYZE events;
        """);
}
