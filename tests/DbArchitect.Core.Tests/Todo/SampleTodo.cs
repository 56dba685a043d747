using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Tests.Todo;

/// <summary>Documents the TODO tests share: a rich one with awkward text, and small builders.</summary>
internal static class SampleTodo
{
    public static TodoContext Context { get; } = new()
    {
        Engine = "PostgreSQL",
        EngineVersion = "15.18",
        Source = "database shop on 127.0.0.1:5432",
        Generator = "deterministic planner",
    };

    public static TodoDocument Rich() => new()
    {
        Context = Context with
        {
            SchemaOverview = "Two schemas, `public` and \"Sales\"; 3 tables.\nOrders | customers | items are *linked* by keys.",
            ErDiagram = "erDiagram\n    customers ||--o{ orders : places\n    orders ||--|{ \"Order Items\" : contains",
            DataDictionary =
            [
                new DataDictionaryEntry
                {
                    Table = "public.orders",
                    EstimatedRows = 120_000,
                    Size = "12 MB",
                    Columns = ["id bigint NOT NULL PK", "customer_id bigint NOT NULL FK → public.customers", "note varchar(255)"],
                    Comment = "One row per order_placed event.",
                },
                new DataDictionaryEntry { Table = "\"Sales\".\"Order Items\"", EstimatedRows = 0, Size = "8 kB" },
            ],
            PainPoints = ["orders.customer_id has no index", "# not a heading", "- not a bullet", "1. not a list"],
            Volumes = ["public.orders: 120,000 rows, 12 MB"],
            Workload = ["SELECT * FROM orders WHERE customer_id = $1 — 4,211 calls"],
        },
        Plan =
        [
            Plan("DB-PLAN-1.1", FindingArea.SchemaDesign, "schema:keys", "DB-ITEM-1.1") with
            {
                TablesAffected = ["\"Sales\".\"Order Items\"", "public.a|b"],
            },
            Plan("DB-PLAN-3.1", FindingArea.Indexing, "indexing:fk-without-index", "DB-ITEM-3.1", "DB-ITEM-3.2") with { Done = true },
        ],
        Items =
        [
            Item("DB-ITEM-1.1", "missing-pk:\"Sales\".\"Order Items\"") with
            {
                Title = "Add a primary key to \"Sales\".\"Order Items\" (`id` | identity)",
                Sql = "ALTER TABLE \"Sales\".\"Order Items\"\n    ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;\n\nALTER TABLE \"Sales\".\"Order Items\" ADD PRIMARY KEY (id);",
                Rollback = "ALTER TABLE \"Sales\".\"Order Items\"\n\tDROP COLUMN id;",
                Evidence = [new Evidence("rows", "0"), new Evidence("primary key", "none | *absent*")],
                Creates = ["\"Sales\".\"Order Items\".id"],
                References = ["\"Sales\".\"Order Items\""],
                AlsoCovers = ["fk-without-index:\"Sales\".\"Order Items\"(order_id)"],
                Rationale = "Rows cannot be addressed.\n\nReplication needs a key.",
            },
            Item("DB-ITEM-3.1", "fk-without-index:public.orders(customer_id)") with
            {
                Type = ChangeKind.Index,
                Done = true,
                Resolution = "finding no longer present on 2026-11-25",
                Sql = "-- a comment with ``` backticks\nCREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);",
                Rollback = "DROP INDEX CONCURRENTLY public.orders_customer_id_idx;",
            },
            Item("DB-ITEM-3.2", "unused-index:public.orders_note_idx") with
            {
                Type = ChangeKind.Maintenance,
                Severity = Severity.Low,
                Title = "Drop [unused] index_with_underscores_and_*stars*",
            },
        ],
        CodeChanges =
        [
            new CodeChange
            {
                Title = "Migration for the orders index",
                Path = "db/migrations/V7__orders_customer_id_idx.sql",
                Diff = "--- /dev/null\n+++ b/db/migrations/V7__orders_customer_id_idx.sql\n@@ -0,0 +1 @@\n+CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);",
            },
        ],
        Commands = [new CommandLine { Purpose = "Apply the migrations", Command = "flyway -url=jdbc:postgresql://localhost/shop migrate" }],
        QualityChecklist =
        [
            new QaCheck { Id = "DB-QA-1", Done = true, Text = "All tables have primary keys", Evidence = "catalog: 0 of 3 tables without PK — checked" },
            new QaCheck { Id = "DB-QA-2", Done = false, Text = "Queries use indexes — verified with EXPLAIN" },
        ],
    };

    public static PlanEntry Plan(string id, FindingArea area, string key, params string[] itemIds) => new()
    {
        Id = id,
        Done = false,
        Title = $"Plan {id}",
        Area = area,
        Key = key,
        TablesAffected = ["public.orders"],
        MigrationStrategy = "Online DDL",
        RollbackPlan = "Run the rollback blocks in reverse order.",
        PerformanceImpact = "Faster joins.",
        ItemIds = itemIds,
    };

    public static TodoItem Item(string id, string findingKey) => new()
    {
        Id = id,
        Done = false,
        Title = $"Item {id}",
        Type = ChangeKind.SchemaChange,
        Severity = Severity.High,
        FindingKey = findingKey,
        Sql = "ALTER TABLE public.orders ADD COLUMN created_at timestamptz;",
        Rollback = "ALTER TABLE public.orders DROP COLUMN created_at;",
        Rationale = "Because.",
        Testing = "Run it.",
    };
}
