using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Catalog.Reading;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Catalog;

/// <summary>
/// The snapshot prints plain index and constraint definitions itself instead of asking the server;
/// these tests hold every printed definition to what pg_get_indexdef and pg_get_constraintdef say.
/// </summary>
public sealed class DefinitionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] Schemas = ["public", "Odd \"Schema\"", "order", "größe"];

    private const string Fixture = """"
        CREATE SCHEMA "Odd ""Schema""";
        CREATE SCHEMA "order";
        CREATE SCHEMA "größe";

        CREATE TABLE public."user" (
            id int PRIMARY KEY,
            "name" text, "value" text, "type" int, "select" int, "Mixed" int, "größe" text, "a$b" int,
            "col ""q""" int, "time" int, "left" int, "position" int, "int" int, vc varchar(20),
            c_text text COLLATE "C", arr int[], ts timestamptz, rng int4range, dom_col int,
            UNIQUE ("name", "value"));
        CREATE INDEX plain_name ON public."user" ("name");
        CREATE INDEX "Covering Ü" ON public."user" ("value", "type") INCLUDE ("select", "col ""q""");
        CREATE UNIQUE INDEX "order" ON public."user" ("Mixed");
        CREATE UNIQUE INDEX unique_covering ON public."user" ("position") INCLUDE ("int");
        CREATE INDEX keyword_columns ON public."user" ("time", "left", "a$b", "größe");
        CREATE INDEX type_desc ON public."user" ("type" DESC);
        CREATE INDEX type_desc_nulls_last ON public."user" ("type" DESC NULLS LAST, "select" NULLS FIRST);
        CREATE INDEX partial ON public."user" ("type") WHERE "type" > 0;
        CREATE INDEX expression ON public."user" (lower("name"), "type");
        CREATE INDEX pattern ON public."user" ("name" text_pattern_ops);
        CREATE INDEX collated ON public."user" ("name" COLLATE "C");
        CREATE INDEX column_collated ON public."user" (c_text);
        CREATE INDEX column_collated_default ON public."user" (c_text COLLATE "default");
        CREATE INDEX varchar_key ON public."user" (vc);
        CREATE INDEX hashed ON public."user" USING hash ("name");
        CREATE INDEX gin_array ON public."user" USING gin (arr);
        CREATE INDEX brin_time ON public."user" USING brin (ts);
        CREATE INDEX gist_range ON public."user" USING gist (rng);
        CREATE INDEX with_options ON public."user" ("type") WITH (fillfactor = 70);
        CREATE UNIQUE INDEX nulls_not_distinct ON public."user" ("select") NULLS NOT DISTINCT;

        CREATE TABLE "Odd ""Schema"""."Tab" (
            a int, b int, user_id int, user_name text, user_value text, "Parent" int, fallback int DEFAULT 0,
            rng int4range,
            PRIMARY KEY (a, b),
            CONSTRAINT "Check ""me""" CHECK (a > 0),
            CONSTRAINT no_overlap EXCLUDE USING gist (rng WITH &&),
            CONSTRAINT unique_including UNIQUE (b) INCLUDE (a),
            CONSTRAINT unique_deferred UNIQUE (fallback) DEFERRABLE INITIALLY DEFERRED,
            CONSTRAINT unique_nulls UNIQUE NULLS NOT DISTINCT ("Parent"),
            CONSTRAINT fk_cascade FOREIGN KEY (user_id) REFERENCES public."user" (id) ON UPDATE CASCADE ON DELETE SET NULL,
            CONSTRAINT "fk ""full""" FOREIGN KEY (user_name, user_value) REFERENCES public."user" ("name", "value") MATCH FULL ON DELETE RESTRICT,
            CONSTRAINT fk_default FOREIGN KEY (fallback) REFERENCES public."user" (id) ON UPDATE RESTRICT ON DELETE SET DEFAULT DEFERRABLE,
            CONSTRAINT fk_deferred FOREIGN KEY ("Parent") REFERENCES public."user" (id) DEFERRABLE INITIALLY DEFERRED,
            CONSTRAINT fk_set_null_columns FOREIGN KEY (user_id, a) REFERENCES "Odd ""Schema"""."Tab" (a, b) ON DELETE SET NULL (user_id));
        ALTER TABLE "Odd ""Schema"""."Tab" ADD CONSTRAINT fk_not_valid FOREIGN KEY (b) REFERENCES public."user" (id) ON DELETE CASCADE NOT VALID;
        CREATE INDEX "Tab_user" ON "Odd ""Schema"""."Tab" (user_id, user_name);

        CREATE TABLE "order"."select" (id bigint PRIMARY KEY, "order" bigint REFERENCES "order"."select" (id), "value" text UNIQUE);
        CREATE TABLE "order"."Kind" (code text PRIMARY KEY, parent text REFERENCES "order"."Kind" ON DELETE CASCADE);
        CREATE TABLE public.child (id int PRIMARY KEY, sel bigint REFERENCES "order"."select" (id), kind text REFERENCES "order"."Kind");

        CREATE TABLE "größe".events (id bigint, at date, "Name" text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE "größe".events_2024 PARTITION OF "größe".events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE INDEX events_at ON "größe".events (at);
        CREATE INDEX events_name ON "größe".events_2024 ("Name");
        CREATE MATERIALIZED VIEW "größe"."Summary" AS SELECT id, "Name" FROM "größe".events;
        CREATE UNIQUE INDEX summary_id ON "größe"."Summary" (id);
        """";

    [Fact]
    public async Task Every_index_and_constraint_definition_equals_what_the_server_prints()
    {
        await database.ExecuteAsync(Fixture);
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        var snapshot = await new CatalogReader(dataSource).ReadAsync(CancellationToken.None);

        var expectedIndexes = await DefinitionsAsync(dataSource, """
            SELECT n.nspname, c.relname, ic.relname, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY ($1)
            """);
        var expectedConstraints = await DefinitionsAsync(dataSource, """
            SELECT n.nspname, c.relname, con.conname, pg_get_constraintdef(con.oid, true)
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY ($1)
            """);

        Assert.True(expectedIndexes.Count >= 35, $"fixture has {expectedIndexes.Count} indexes");
        Assert.True(expectedConstraints.Count >= 20, $"fixture has {expectedConstraints.Count} constraints");
        Assert.Equal(expectedIndexes, snapshot.Indexes.Where(i => Schemas.Contains(i.Schema))
            .ToDictionary(i => (i.Schema, i.Table, i.Name), i => i.Definition));
        Assert.Equal(expectedConstraints, snapshot.Constraints.Where(c => Schemas.Contains(c.Schema))
            .ToDictionary(c => (c.Schema, c.Table, c.Name), c => c.Definition));
    }

    [Fact]
    public async Task Names_are_quoted_as_the_server_quotes_them_including_every_key_word()
    {
        await using var dataSource = TargetDataSource.Create(database.AdminConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT name, quote_ident(name), (SELECT array_agg(word) FROM pg_get_keywords() WHERE catcode <> 'U')
            FROM unnest(ARRAY(SELECT word FROM pg_get_keywords()) || $1) AS name
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>
        {
            TypedValue = ["plain", "_under", "a$b", "Mixed", "9lives", "with space", "say \"hi\"", "größe", "表", "", "x1_y2"],
        });
        var cases = new List<(string Name, string Expected)>();
        string[] quotedKeywords = [];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                cases.Add((reader.GetString(0), reader.GetString(1)));
                quotedKeywords = reader.GetFieldValue<string[]>(2);
            }
        }

        var quoting = new ServerQuoting(quotedKeywords);
        Assert.True(cases.Count > 400);
        Assert.All(cases, c => Assert.Equal(c.Expected, quoting.Quote(c.Name)));
    }

    private static async Task<Dictionary<(string, string, string), string>> DefinitionsAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Schemas });
        await using var reader = await command.ExecuteReaderAsync();
        var definitions = new Dictionary<(string, string, string), string>();
        while (await reader.ReadAsync())
        {
            definitions.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)), reader.GetString(3));
        }

        return definitions;
    }
}
