using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Integrity;

/// <summary>Positive and negative cases of every integrity rule in schema <c>ig</c>.</summary>
public sealed class IntegrityRulesDatabase : RuleDatabase
{
    protected override IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE SCHEMA ig;
        CREATE TABLE ig.customers (id bigint PRIMARY KEY);
        INSERT INTO ig.customers SELECT g FROM generate_series(1, 100) g;
        CREATE TABLE ig.orders (
            id bigint PRIMARY KEY,
            customer_id bigint REFERENCES ig.customers (id),
            referrer_id bigint REFERENCES ig.customers (id),
            payer_id bigint NOT NULL REFERENCES ig.customers (id) ON DELETE CASCADE,
            amount numeric);
        INSERT INTO ig.orders SELECT g, g % 100 + 1, CASE WHEN g % 3 = 0 THEN g % 100 + 1 END, g % 100 + 1, g FROM generate_series(1, 3000) g;
        ALTER TABLE ig.orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;
        ALTER TABLE ig.orders ADD CONSTRAINT "Orders amount cap" CHECK (amount < 1000000);
        """,
        "ANALYZE",
    ];
}
