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
    ];
}
