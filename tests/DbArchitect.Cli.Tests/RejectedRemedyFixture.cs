using DbArchitect.Testing;

namespace DbArchitect.Cli.Tests;

/// <summary>
/// Two timestamp columns whose type change the server refuses as written: one used by views (a view
/// on a view), which the tool completes with their drop and re-creation, and one used by a generated
/// column, which it cannot complete.
/// </summary>
public sealed class RejectedRemedyFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, happened timestamp NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz);
        CREATE VIEW recent_events AS SELECT id, happened, kind FROM events WHERE happened > '2020-01-01';
        CREATE VIEW recent_event_days AS SELECT date_trunc('day', happened) AS day, count(*) AS events FROM recent_events GROUP BY 1;
        CREATE TABLE readings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, taken timestamp NOT NULL, taken_day date GENERATED ALWAYS AS (taken::date) STORED, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz);
        CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz);
        INSERT INTO events (happened, kind) SELECT timestamp '2024-01-01' + g * interval '1 minute', 'k' || g % 3 FROM generate_series(1, 200) g;
        INSERT INTO readings (taken) SELECT timestamp '2024-01-01' + g * interval '1 hour' FROM generate_series(1, 200) g;
        ANALYZE;
        """);
}
