using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Catalog;

/// <summary>A small shop schema with one of every catalog object the snapshot reports, loaded once and snapshot once.</summary>
public sealed class ShopSchemaFixture : DatabaseFixture
{
    public const string Schema = """
        CREATE EXTENSION btree_gist;
        CREATE EXTENSION file_fdw;
        CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
        CREATE SCHEMA shop;
        CREATE TYPE shop.order_status AS ENUM ('new', 'paid', 'shipped');
        CREATE TABLE shop.customers (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email varchar(255) NOT NULL UNIQUE,
            first_name text,
            last_name text,
            full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
            created_at timestamp DEFAULT now());
        COMMENT ON TABLE shop.customers IS 'people who buy';
        COMMENT ON COLUMN shop.customers.email IS 'login';
        CREATE TABLE shop.orders (
            id serial PRIMARY KEY,
            customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE ON UPDATE RESTRICT,
            status shop.order_status NOT NULL DEFAULT 'new',
            amount numeric(12, 2) CONSTRAINT orders_amount_positive CHECK (amount >= 0),
            note text);
        CREATE INDEX orders_open_status ON shop.orders (status) INCLUDE (amount) WHERE status <> 'shipped';
        CREATE INDEX orders_lower_note ON shop.orders (lower(note) DESC NULLS LAST, note text_pattern_ops);
        CREATE INDEX orders_note_hash ON shop.orders USING hash (note);
        ALTER TABLE shop.orders ADD CONSTRAINT orders_amount_cap CHECK (amount < 1000000) NOT VALID;
        ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
        CREATE POLICY everyone ON shop.orders USING (true);
        CREATE TABLE shop.bookings (room int, during tstzrange,
            CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));
        CREATE TABLE shop.events (id bigint, created_at timestamptz NOT NULL, payload jsonb) PARTITION BY RANGE (created_at);
        CREATE TABLE shop.events_2026 PARTITION OF shop.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        CREATE VIEW shop.paid_orders AS SELECT * FROM shop.orders WHERE status = 'paid';
        CREATE MATERIALIZED VIEW shop.order_totals AS SELECT customer_id, sum(amount) AS total FROM shop.orders GROUP BY 1;
        CREATE FOREIGN TABLE shop.imports (line text) SERVER files OPTIONS (filename '/dev/null');
        CREATE SEQUENCE shop.tickets AS smallint MAXVALUE 1000;
        SELECT nextval('shop.tickets'), nextval('shop.tickets'), nextval('shop.tickets');
        CREATE SEQUENCE shop.unused_tickets;
        CREATE TABLE shop.labels (code text);
        INSERT INTO shop.customers (email, first_name, last_name) SELECT 'c' || g || '@example.com', 'first' || g, 'last' || g FROM generate_series(1, 200) g;
        INSERT INTO shop.orders (customer_id, status, amount) SELECT 1 + g % 200, (ARRAY['new', 'paid', 'shipped'])[1 + g % 3]::shop.order_status, g FROM generate_series(1, 900) g;
        INSERT INTO shop.labels SELECT v FROM unnest(ARRAY['a,b', 'say "hi"', 'back\slash', '{brace}', 'NULL', ' spaced ']) v, generate_series(1, 50);
        ANALYZE;
        """;

    public const string InvalidIndex = "CREATE UNIQUE INDEX CONCURRENTLY labels_code_unique ON shop.labels (code)";

    public CatalogSnapshot Snapshot { get; private set; } = null!;

    protected override async Task OnCreatedAsync()
    {
        // Unpooled, so that closing it ends the backend and flushes its activity statistics.
        await using (var loader = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString))
        {
            await loader.OpenAsync();
            await using var load = new NpgsqlCommand(Schema, loader);
            await load.ExecuteNonQueryAsync();
            try
            {
                // Fails on the duplicate codes and, being concurrent, leaves the index behind marked invalid.
                await using var invalid = new NpgsqlCommand(InvalidIndex, loader);
                await invalid.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
            }
        }

        await WaitForActivityStatisticsAsync();

        await using var dataSource = TargetDataSource.Create(AdminConnectionString);
        Snapshot = await new CatalogReader(dataSource).ReadAsync(CancellationToken.None);
    }

    private async Task WaitForActivityStatisticsAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var probe = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(), n_tup_ins FROM pg_stat_user_tables WHERE relname = 'orders'", connection);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var reader = await probe.ExecuteReaderAsync();
            if (await reader.ReadAsync() && reader.GetInt64(1) > 0)
            {
                return;
            }

            await Task.Delay(50);
        }
    }
}
