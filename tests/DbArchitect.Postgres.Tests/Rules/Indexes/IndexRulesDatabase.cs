using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Indexes;

/// <summary>Positive and negative cases of every index rule in schema <c>ix</c>.</summary>
public sealed class IndexRulesDatabase : RuleDatabase
{
    protected override IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE SCHEMA ix;
        CREATE TABLE ix.customers (id bigint PRIMARY KEY, email text, name text);
        CREATE TABLE ix.orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES ix.customers (id), note text);
        CREATE TABLE ix.invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES ix.customers (id));
        CREATE INDEX invoices_customer ON ix.invoices (customer_id);
        CREATE TABLE ix."Order Lines" (line_no int, "Order" bigint REFERENCES ix.orders (id));
        CREATE TABLE ix.parts (maker int, part_no int, PRIMARY KEY (maker, part_no));
        CREATE TABLE ix.stock (part_no int, maker int, qty int, FOREIGN KEY (maker, part_no) REFERENCES ix.parts);
        CREATE INDEX stock_part_maker_qty ON ix.stock (part_no, maker, qty);

        CREATE INDEX customers_email_a ON ix.customers (email);
        CREATE INDEX customers_email_b ON ix.customers (email);
        CREATE UNIQUE INDEX customers_id_copy ON ix.customers (id);
        CREATE INDEX customers_name_known ON ix.customers (name) WHERE email IS NOT NULL;
        CREATE INDEX customers_name_all ON ix.customers (name);
        CREATE INDEX customers_name_c ON ix.customers (name COLLATE "C");
        CREATE INDEX customers_name_c_email ON ix.customers (name COLLATE "POSIX", email);

        CREATE INDEX orders_note ON ix.orders (note);
        CREATE INDEX orders_note_id ON ix.orders (note, id);
        CREATE TABLE ix.tickets (code text, seat int);
        CREATE UNIQUE INDEX tickets_code ON ix.tickets (code);
        CREATE INDEX tickets_code_seat ON ix.tickets (code, seat);

        CREATE TABLE ix.broken (v int);
        CREATE INDEX broken_v ON ix.broken (v);
        UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'ix.broken_v'::regclass;

        CREATE TABLE ix.readings (reading_no bigint, sensor int);
        INSERT INTO ix.readings SELECT g, g % 7 FROM generate_series(1, 3000) g;
        INSERT INTO ix.invoices SELECT g, NULL FROM generate_series(1, 3000) g;
        CREATE TABLE ix.small_log (x int);
        INSERT INTO ix.small_log VALUES (1), (2);

        CREATE TABLE ix.bloated (id int);
        INSERT INTO ix.bloated SELECT g FROM generate_series(1, 500000) g;
        CREATE INDEX bloated_id ON ix.bloated (id);
        DELETE FROM ix.bloated WHERE id % 20 <> 0;
        CREATE TABLE ix.compact (id int);
        INSERT INTO ix.compact SELECT g FROM generate_series(1, 500000) g;
        CREATE INDEX compact_id ON ix.compact (id);
        """,
        """
        CREATE TABLE ix.visits (id bigint, customer_id bigint REFERENCES ix.customers (id), at date) PARTITION BY RANGE (at);
        CREATE TABLE ix.visits_2026 PARTITION OF ix.visits FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        CREATE INDEX visits_at_a ON ix.visits (at);
        CREATE INDEX visits_at_b ON ix.visits (at);
        """,
        """
        CREATE TABLE ix.posts (id bigint, author_id bigint REFERENCES ix.customers (id), posted_at date) PARTITION BY RANGE (posted_at);
        CREATE TABLE ix.posts_2025 PARTITION OF ix.posts FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE TABLE ix.posts_2026 PARTITION OF ix.posts FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        CREATE INDEX posts_author ON ix.posts (author_id);
        CREATE TABLE ix.shipments (id bigint, customer_id bigint REFERENCES ix.customers (id), region int) PARTITION BY LIST (region);
        CREATE TABLE ix.shipments_1 PARTITION OF ix.shipments FOR VALUES IN (1);
        CREATE TABLE ix.shipments_2 PARTITION OF ix.shipments FOR VALUES IN (2);
        CREATE INDEX shipments_1_customer ON ix.shipments_1 (customer_id);
        CREATE INDEX shipments_2_customer ON ix.shipments_2 (customer_id, id);
        CREATE TABLE ix.comments (id bigint, author_id bigint REFERENCES ix.customers (id), posted_at date);
        CREATE INDEX comments_author_known ON ix.comments (author_id, posted_at) WHERE author_id IS NOT NULL;
        CREATE TABLE ix.replies (id bigint, author_id bigint REFERENCES ix.customers (id), posted_at date);
        CREATE INDEX replies_author_dated ON ix.replies (author_id, posted_at) WHERE posted_at IS NOT NULL;
        """,
        """
        CREATE TABLE ix.metrics (region int, v int, w int) PARTITION BY LIST (region);
        CREATE TABLE ix.metrics_1 PARTITION OF ix.metrics FOR VALUES IN (1);
        CREATE TABLE ix.metrics_2 PARTITION OF ix.metrics FOR VALUES IN (2);
        CREATE TABLE ix.metrics_3 PARTITION OF ix.metrics FOR VALUES IN (3);
        CREATE INDEX metrics_1_v_a ON ix.metrics_1 (v);
        CREATE INDEX metrics_1_v_b ON ix.metrics_1 (v);
        CREATE INDEX metrics_2_v_a ON ix.metrics_2 (v);
        CREATE INDEX metrics_2_v_b ON ix.metrics_2 (v);
        CREATE INDEX metrics_3_v_a ON ix.metrics_3 (v);
        CREATE INDEX metrics_3_v_b ON ix.metrics_3 (v);
        CREATE INDEX metrics_1_w ON ix.metrics_1 (w);
        CREATE INDEX metrics_1_w_v ON ix.metrics_1 (w, v);
        CREATE INDEX metrics_2_w ON ix.metrics_2 (w);
        CREATE INDEX metrics_2_w_v ON ix.metrics_2 (w, v);
        """,
        """
        CREATE TABLE ix.logs (id int, x int, region int) PARTITION BY LIST (region);
        CREATE TABLE ix.logs_1 PARTITION OF ix.logs FOR VALUES IN (1);
        CREATE TABLE ix.logs_2 PARTITION OF ix.logs FOR VALUES IN (2);
        CREATE INDEX logs_x_idx ON ONLY ix.logs (x);
        CREATE INDEX logs_1_x_idx ON ix.logs_1 (x);
        ALTER INDEX ix.logs_x_idx ATTACH PARTITION ix.logs_1_x_idx;
        """,
        """
        CREATE TABLE ix.archive (id bigint, kind int) PARTITION BY LIST (kind);
        CREATE TABLE ix.archive_1 PARTITION OF ix.archive FOR VALUES IN (1);
        CREATE TABLE ix.archive_2 PARTITION OF ix.archive FOR VALUES IN (2);
        INSERT INTO ix.archive SELECT g, 1 + g % 2 FROM generate_series(1, 1600) g;
        """,
        "VACUUM ANALYZE ix.bloated",
        "ANALYZE",
    ];
}
