using DbArchitect.Postgres.Advisor.Candidates;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Advisor.Candidates;

public sealed class CreateIndexReaderTests
{
    private static readonly CatalogSnapshot Snapshot = HandBuiltFacts.Snapshot with
    {
        Tables =
        [
            HandBuiltFacts.Table(1, "orders"),
            HandBuiltFacts.Table(2, "orders", schema: "Sales"),
            HandBuiltFacts.Table(3, "items", schema: "archive"),
            HandBuiltFacts.Table(4, "Order Lines"),
            HandBuiltFacts.Table(5, "events"),
        ],
    };

    [Fact]
    public void Keys_include_method_and_predicate_are_read_as_written()
    {
        var read = CreateIndexReader.TryRead(
            """CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON "Sales".orders USING btree (lower(email), created_at DESC) INCLUDE (total) WHERE status = 'open';""",
            Snapshot, out var candidate, out var error);

        Assert.True(read, error);
        Assert.Equal(("Sales", "orders", "btree"), (candidate!.Schema, candidate.Table, candidate.Method));
        Assert.Equal(["lower(email)", "created_at DESC"], candidate.Keys);
        Assert.Equal(["total"], candidate.Include);
        Assert.Equal("status = 'open'", candidate.Predicate);
        Assert.Equal(["created_at", "total"], CreateIndexReader.PlainColumns(candidate));
    }

    [Fact]
    public void An_unqualified_table_resolves_to_public_and_the_method_is_read()
    {
        Assert.True(CreateIndexReader.TryRead("create index on orders using hash (status)", Snapshot, out var candidate, out _));
        Assert.Equal(("public", "hash", "status"), (candidate!.Schema, candidate.Method, candidate.Keys.Single()));
    }

    [Fact]
    public void An_unqualified_table_in_one_schema_only_resolves_to_that_schema()
    {
        Assert.True(CreateIndexReader.TryRead("CREATE INDEX ON items (sku)", Snapshot, out var unqualified, out _));
        Assert.True(CreateIndexReader.TryRead("CREATE INDEX ON archive.items (sku)", Snapshot, out var qualified, out _));

        Assert.Equal("archive.items", unqualified!.QualifiedTable);
        Assert.Equal("archive.items", qualified!.QualifiedTable);
    }

    [Fact]
    public void A_semicolon_inside_a_predicates_string_does_not_split_the_statement()
    {
        var candidates = CreateIndexReader.ReadAll("CREATE INDEX ON orders (status) WHERE note = 'a;b'; CREATE INDEX ON orders (total);", Snapshot).ToList();

        Assert.Equal(["note = 'a;b'", null], candidates.Select(c => c.Predicate));
        Assert.True(CreateIndexReader.TryRead("CREATE INDEX ON orders (status) WHERE note = 'a;b';", Snapshot, out var one, out var error), error);
        Assert.Equal("note = 'a;b'", one!.Predicate);
    }

    [Fact]
    public void Quoted_identifiers_with_spaces_stay_quoted_in_keys_and_unquoted_as_columns()
    {
        Assert.True(CreateIndexReader.TryRead("""CREATE INDEX ON "Order Lines" ("Line No", "Unit Price" DESC NULLS LAST)""", Snapshot, out var candidate, out var error), error);

        Assert.Equal("public.\"Order Lines\"", candidate!.QualifiedTable);
        Assert.Equal(["\"Line No\"", "\"Unit Price\" DESC NULLS LAST"], candidate.Keys);
        Assert.Equal(["Line No", "Unit Price"], CreateIndexReader.PlainColumns(candidate));
    }

    [Fact]
    public void An_expression_key_is_kept_whole_and_is_no_plain_column()
    {
        Assert.True(CreateIndexReader.TryRead("CREATE INDEX ON orders (lower(email), (total * 2)) WHERE coalesce(note, ',') <> ''", Snapshot, out var candidate, out _));

        Assert.Equal(["lower(email)", "(total * 2)"], candidate!.Keys);
        Assert.Equal("coalesce(note, ',') <> ''", candidate.Predicate);
        Assert.Empty(CreateIndexReader.PlainColumns(candidate));
    }

    [Fact]
    public void A_gin_index_keeps_its_opclass_and_cannot_be_simulated()
    {
        Assert.True(CreateIndexReader.TryRead("CREATE INDEX ON events USING GIN (payload jsonb_path_ops)", Snapshot, out var candidate, out _));

        Assert.Equal(("gin", "payload jsonb_path_ops"), (candidate!.Method, candidate.Keys.Single()));
        Assert.False(candidate.Hypothetical);
        Assert.Equal(["payload"], CreateIndexReader.PlainColumns(candidate));
    }

    [Fact]
    public void Comments_are_not_part_of_a_key_or_the_predicate()
    {
        Assert.True(CreateIndexReader.TryRead("CREATE INDEX ON orders (status /* hot */) -- why\nWHERE total > 0; -- done", Snapshot, out var candidate, out _));

        Assert.Equal(["status"], candidate!.Keys);
        Assert.Equal("total > 0", candidate.Predicate);
    }

    [Theory]
    [InlineData("CREATE INDEX ON orders (status); CREATE INDEX ON orders (total)", "refused: give exactly one CREATE INDEX statement")]
    [InlineData("DROP TABLE public.orders", "refused: not a CREATE INDEX statement of the form")]
    [InlineData("CREATE INDEX ON orders (status) WITH (fillfactor = 70)", "refused: not a CREATE INDEX statement of the form")]
    [InlineData("CREATE INDEX ON orders status", "refused: not a CREATE INDEX statement of the form")]
    [InlineData("CREATE INDEX ON public.no_such_table (id)", "refused: table public.no_such_table does not exist on the target")]
    [InlineData("CREATE INDEX ON no_such_table (id)", "refused: table no_such_table does not exist on the target")]
    public void Anything_but_one_create_index_on_a_known_table_is_refused(string sql, string refusal)
    {
        Assert.False(CreateIndexReader.TryRead(sql, Snapshot, out _, out var error));
        Assert.StartsWith(refusal, error, StringComparison.Ordinal);
    }
}
