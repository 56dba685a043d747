using DbArchitect.Core.Architect;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Tools.Grounding;

namespace DbArchitect.Postgres.Tests.Tools.Grounding;

public sealed class GroundingCheckTests
{
    private static readonly CatalogSnapshot Snapshot = new()
    {
        Server = new ServerInfo { VersionNumber = 150000, Version = "15.0", Database = "db", DatabaseSizeBytes = 0, ServerStarted = DateTimeOffset.UnixEpoch, SnapshotTakenAt = DateTimeOffset.UnixEpoch },
        Activity = new ActivityInfo { TotalConnections = 1, MaxConnections = 100 },
        Schemas = [new SchemaInfo("public", "postgres")],
        Tables = [new TableInfo { Oid = 1, Schema = "public", Name = "orders", Kind = TableKind.Table, EstimatedRows = 0, TotalBytes = 0, TableBytes = 0, IndexBytes = 0 }],
        Columns = [new ColumnInfo { TableOid = 1, Schema = "public", Table = "orders", Name = "id", Position = 1, DataType = "bigint", TypeName = "int8", NotNull = true }],
    };

    [Fact]
    public void Objects_the_plan_creates_may_be_named_by_any_item()
    {
        var document = Document(
            Item("DB-ITEM-1.1", "ALTER TABLE public.orders ADD COLUMN placed_at timestamptz;", "ALTER TABLE public.orders DROP COLUMN placed_at;"),
            Item("DB-ITEM-3.1", "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON public.orders (placed_at, id);", "DROP INDEX CONCURRENTLY public.orders_placed_at_idx;"));

        Assert.Empty(new GroundingCheck(Snapshot).Check(document, new MeasuredNumbers()));
    }

    [Fact]
    public void Unknown_tables_and_index_columns_are_reported_per_item()
    {
        var document = Document(
            Item("DB-ITEM-3.1", "CREATE INDEX ON public.orders (customer_id);", "-- nothing to undo"),
            Item("DB-ITEM-3.2", "SELECT count(*) FROM public.order_lines;", "-- nothing to undo"));

        var errors = new GroundingCheck(Snapshot).Check(document, new MeasuredNumbers());

        Assert.Contains(errors, e => e.Location == "DB-ITEM-3.1" && e.Message.Contains("column public.orders.customer_id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "DB-ITEM-3.2" && e.Message.Contains("public.order_lines", StringComparison.Ordinal));
    }

    [Fact]
    public void Index_columns_are_checked_when_the_predicate_holds_a_semicolon_in_a_string()
    {
        var document = Document(Item("DB-ITEM-3.1", "CREATE INDEX ON public.orders (id, note) WHERE note <> 'a;b';", "-- nothing to undo"));

        var error = Assert.Single(new GroundingCheck(Snapshot).Check(document, new MeasuredNumbers()));

        Assert.Contains("column public.orders.note", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_in_comments_and_dollar_quoted_strings_are_not_objects_and_every_kind_of_creation_counts()
    {
        var document = Document(
            Item("DB-ITEM-1.1", """
                -- replaces public.legacy_totals
                CREATE MATERIALIZED VIEW public.order_totals AS SELECT id FROM public.orders /* public.gone */;
                CREATE TYPE public.order_state AS ENUM ('open', 'paid');
                CREATE SEQUENCE public.order_seq;
                ALTER TABLE public.orders ADD COLUMN "Placed At" timestamptz, ADD state public.order_state;
                SELECT $$ public.not_a_table $$;
                """, "DROP MATERIALIZED VIEW public.order_totals; DROP SEQUENCE public.order_seq;"),
            Item("DB-ITEM-1.2", "CREATE INDEX CONCURRENTLY order_totals_id_idx ON public.order_totals (id); SELECT public.orders.\"Placed At\", public.orders.state FROM public.orders;", "DROP INDEX CONCURRENTLY public.order_totals_id_idx; DROP TYPE public.order_state;"));

        Assert.Empty(new GroundingCheck(Snapshot).Check(document, new MeasuredNumbers()));
    }

    [Fact]
    public void Aliases_and_quoted_strings_are_not_taken_for_objects()
    {
        var document = Document(Item("DB-ITEM-2.1", "SELECT o.id FROM public.orders o WHERE o.id > 0 AND 'public.nothing' <> '';", "-- nothing to undo"));

        Assert.Empty(new GroundingCheck(Snapshot).Check(document, new MeasuredNumbers()));
    }

    private static TodoDocument Document(params TodoItem[] items) => new()
    {
        Context = new TodoContext { Engine = "PostgreSQL", EngineVersion = "15.0", Source = "db", Generator = "test" },
        Items = items,
    };

    private static TodoItem Item(string id, string sql, string rollback) => new()
    {
        Id = id,
        Done = false,
        Title = "change",
        Type = ChangeKind.SchemaChange,
        Severity = Severity.Medium,
        FindingKey = "rule:public.orders",
        Sql = sql,
        Rollback = rollback,
        Rationale = "because",
        Testing = "run it",
    };
}
