using DbArchitect.Testing;

namespace DbArchitect.Postgres.Tests.Validation;

/// <summary>A scratch database with a small shop schema for the checker to try SQL against.</summary>
public sealed class ShopSchemaFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
        CREATE TABLE orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer_id bigint NOT NULL REFERENCES customers (id),
            status text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now());
        INSERT INTO customers (email) VALUES ('a@example.com'), ('b@example.com');
        """);
}
