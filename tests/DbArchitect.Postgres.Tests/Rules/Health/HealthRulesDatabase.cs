using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Health;

/// <summary>Positive and negative cases of the health rules that a scratch server can stage, in schema <c>hl</c>.</summary>
public sealed class HealthRulesDatabase : RuleDatabase
{
    protected override IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE SCHEMA hl;
        CREATE TABLE hl.churn (id int) WITH (autovacuum_enabled = false);
        INSERT INTO hl.churn SELECT g FROM generate_series(1, 1000) g;
        ANALYZE hl.churn;
        DELETE FROM hl.churn WHERE id <= 600;
        CREATE TABLE hl.calm (id int);
        INSERT INTO hl.calm SELECT g FROM generate_series(1, 1000) g;
        ANALYZE hl.calm;
        CREATE TABLE hl.never_analyzed (id int) WITH (autovacuum_enabled = false);
        INSERT INTO hl.never_analyzed SELECT g FROM generate_series(1, 2000) g;

        CREATE SEQUENCE hl.ticket_no AS integer;
        SELECT setval('hl.ticket_no', 2000000000);
        CREATE SEQUENCE hl.invoice_no AS integer;
        SELECT setval('hl.invoice_no', 10);
        CREATE TABLE hl.accounts (id serial PRIMARY KEY);
        SELECT setval(pg_get_serial_sequence('hl.accounts', 'id'), 2100000000);
        CREATE TABLE hl.widgets (id bigint PRIMARY KEY, legacy_no serial);
        SELECT setval(pg_get_serial_sequence('hl.widgets', 'legacy_no'), 1900000000);
        """,
        """
        CREATE TABLE hl.bookings (id bigint, booked_on date) PARTITION BY RANGE (booked_on);
        CREATE TABLE hl.rentals (id bigint, rented_on date) PARTITION BY RANGE (rented_on);
        CREATE TABLE hl.rentals_other PARTITION OF hl.rentals DEFAULT;
        CREATE TABLE hl.ledger (id bigint, posted_on date) PARTITION BY RANGE (posted_on);
        CREATE TABLE hl.pings (id bigint, at timestamptz) PARTITION BY RANGE (at);
        DO $$
        BEGIN
            EXECUTE format('CREATE TABLE hl.bookings_current PARTITION OF hl.bookings FOR VALUES FROM (%L) TO (%L)', current_date - 20, current_date + 10);
            EXECUTE format('CREATE TABLE hl.rentals_current PARTITION OF hl.rentals FOR VALUES FROM (%L) TO (%L)', current_date - 20, current_date + 10);
            EXECUTE format('CREATE TABLE hl.ledger_current PARTITION OF hl.ledger FOR VALUES FROM (%L) TO (%L)', current_date - 20, current_date + 200);
            EXECUTE format('CREATE TABLE hl.pings_last PARTITION OF hl.pings FOR VALUES FROM (%L) TO (%L)', current_date - 35, current_date - 5);
        END $$;
        INSERT INTO hl.bookings SELECT g, current_date FROM generate_series(1, 300) g;
        """,
    ];
}
