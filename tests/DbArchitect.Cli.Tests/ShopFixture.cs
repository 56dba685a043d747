using DbArchitect.Testing;

namespace DbArchitect.Cli.Tests;

/// <summary>A small database with problems several rules report, loaded once per test class.</summary>
public sealed class ShopFixture : DatabaseFixture
{
    protected override Task OnCreatedAsync() => ExecuteAsync("""
        CREATE TABLE customers (id serial PRIMARY KEY, email varchar(255) NOT NULL, created_at timestamp NOT NULL DEFAULT now());
        CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id), total float8, status text, payload json);
        CREATE TABLE audit_log (at timestamptz, message text);
        CREATE INDEX orders_status_a ON orders (status);
        CREATE INDEX orders_status_b ON orders (status);
        INSERT INTO customers (email) SELECT 'c' || g || '@example.com' FROM generate_series(1, 500) g;
        INSERT INTO orders (customer_id, total, status) SELECT 1 + g % 500, g * 1.5, (ARRAY['new','paid','shipped'])[1 + g % 3] FROM generate_series(1, 3000) g;
        ANALYZE;
        """);
}
