using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Types;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Types;

public sealed class TypeRulesDatabase : RuleDatabase
{
    protected override IReadOnlyList<string> Steps =>
    [
        """
            CREATE TABLE products (
                id serial PRIMARY KEY,
                sku varchar(255),
                title varchar(255),
                price double precision,
                weight real,
                metadata json,
                listed_at timestamp,
                status text);
            INSERT INTO products (sku, title, price, weight, metadata, listed_at, status)
            SELECT 'sku-' || g, 'Product ' || g, g * 1.1::float8, g * 0.5, json_build_object('n', g), '2026-01-01'::timestamp + g * interval '1 hour',
                   (ARRAY['active', 'draft', 'archived'])[1 + g % 3]
            FROM generate_series(1, 2000) g;

            CREATE TABLE clean_products (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sku text,
                price numeric(12, 2),
                weight real,
                metadata jsonb,
                listed_at timestamptz,
                status text CHECK (status IN ('active', 'draft', 'archived')));
            INSERT INTO clean_products (sku, price, weight, metadata, listed_at, status)
            SELECT 'sku-' || g, g, g, jsonb_build_object('n', g), now(), (ARRAY['active', 'draft', 'archived'])[1 + g % 3]
            FROM generate_series(1, 2000) g;

            CREATE TABLE shipments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text NOT NULL, state text NOT NULL);
            INSERT INTO shipments (note, state)
            SELECT (ARRAY['Please leave at the door', 'Gift wrap requested', 'Call before delivery'])[1 + g % 3], (ARRAY['in_transit', 'delivered', 'returned-to-sender'])[1 + g % 3]
            FROM generate_series(1, 12000) g;

            CREATE TABLE tickets (id serial PRIMARY KEY, subject text);
            SELECT setval('tickets_id_seq', 2000000000);
            INSERT INTO tickets (subject) SELECT 't' || g FROM generate_series(1, 10) g;
            CREATE TABLE ticket_comments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ticket_id integer REFERENCES tickets (id), body text);

            CREATE TABLE small_counters (id serial PRIMARY KEY, label text);
            INSERT INTO small_counters (label) SELECT 'c' FROM generate_series(1, 10);

            CREATE TABLE warehouses (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, country_code char(2) NOT NULL, site_code char(10), name text);
            CREATE UNIQUE INDEX warehouses_site_code_key ON warehouses (site_code);
            INSERT INTO warehouses (country_code, site_code, name)
            SELECT (ARRAY['DE', 'FR', 'NL'])[1 + g % 3], 'S' || g, 'Site ' || g FROM generate_series(1, 300) g;

            CREATE TABLE stock_moves (moved_on date NOT NULL, bin char(4) NOT NULL) PARTITION BY RANGE (moved_on);
            CREATE TABLE stock_moves_2026 PARTITION OF stock_moves FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
            INSERT INTO stock_moves SELECT date '2026-01-01' + g % 300, 'B' || g % 50 FROM generate_series(1, 500) g;
            """,
        "ANALYZE",
    ];
}

public sealed class TypeRulesTests(TypeRulesDatabase database) : IClassFixture<TypeRulesDatabase>
{
    [Fact]
    public async Task Varchar_255_columns_are_reported_per_table_with_a_change_to_text()
    {
        var findings = await database.EvaluateAsync(new Varchar255HabitRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.products", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Label == "varchar(255) columns" && e.Value == "2");
        Assert.Contains("ALTER COLUMN sku TYPE text", finding.Remedy!.Up);
        Assert.Contains("ALTER COLUMN sku TYPE character varying(255)", finding.Remedy.Down);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Char_columns_are_reported_per_table_and_once_for_a_partitioned_table_with_a_rewrite_to_text_and_back()
    {
        var findings = await database.EvaluateAsync(new CharColumnRule());

        Assert.Equal(["public.stock_moves", "public.warehouses"], findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
        var finding = findings.Single(f => f.Subject == "public.warehouses");
        Assert.Contains(finding.Evidence, e => e.Label == "char columns" && e.Value == "country_code (character(2)), site_code (character(10))");
        Assert.Contains(finding.Evidence, e => e.Label == "average width" && e.Value.Contains("site_code avg 3.", StringComparison.Ordinal));
        Assert.Equal(MigrationStrategy.TableRewrite, finding.Remedy!.Strategy);
        Assert.Contains("ALTER COLUMN site_code TYPE text", finding.Remedy.Up);
        Assert.Contains("ALTER COLUMN site_code TYPE character(10)", finding.Remedy.Down);
        await RemedyProof.AssertAllRunAsync(database, findings);
    }

    [Fact]
    public async Task Timestamp_without_time_zone_is_reported_and_timestamptz_is_not()
    {
        var findings = await database.EvaluateAsync(new TimestampWithoutTimeZoneRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.products", finding.Subject);
        Assert.Contains("TYPE timestamptz USING listed_at AT TIME ZONE 'UTC'", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Json_column_is_reported_and_jsonb_is_not()
    {
        var findings = await database.EvaluateAsync(new JsonInsteadOfJsonbRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.products", finding.Subject);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Floating_point_price_is_reported_but_numeric_price_and_float_weight_are_not()
    {
        var findings = await database.EvaluateAsync(new FloatForMoneyRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.products(price)", finding.Subject);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("numeric(19,4)", finding.Remedy!.Up);
        Assert.Contains(finding.Evidence, e => e.Label == "sampled values with more than 4 decimals" && !e.Value.StartsWith("0 of", StringComparison.Ordinal));
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Serial_columns_are_reported_and_identity_columns_are_not()
    {
        var findings = await database.EvaluateAsync(new SerialInsteadOfIdentityRule());

        Assert.Equal(["public.products", "public.small_counters", "public.tickets"], findings.Select(f => f.Subject).Order());
        foreach (var finding in findings)
        {
            await RemedyProof.AssertUpAndDownRunAsync(database, finding);
        }
    }

    [Fact]
    public async Task Integer_key_near_exhaustion_is_critical_with_percentage_and_days_left_and_widens_referencing_keys()
    {
        var findings = await database.EvaluateAsync(new IntegerKeyExhaustionRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.tickets(id)", finding.Subject);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains(finding.Evidence, e => e.Label == "used" && e.Value == "93.1%");
        Assert.Contains(finding.Evidence, e => e.Label == "last value" && e.Value == "2,000,000,010");
        Assert.Contains(finding.Evidence, e => e.Label == "days left at that rate" && e.Value != "unknown");
        Assert.Contains("public.ticket_comments", finding.Tables);
        Assert.Contains("ALTER COLUMN ticket_id TYPE bigint", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Text_with_a_few_code_values_and_no_check_is_reported_from_column_statistics()
    {
        var findings = await database.EvaluateAsync(new EnumLikeTextRule(), new RuleOptions { EnumLikeMinimumRows = 1_000 });

        Assert.Equal(["public.products(status)", "public.shipments(state)"], findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
        var finding = findings.Single(f => f.Subject == "public.products(status)");
        Assert.Contains(finding.Evidence, e => e.Label == "distinct values (pg_stats)" && e.Value == "3");
        Assert.Contains("CHECK (status IN ('active', 'archived', 'draft')) NOT VALID", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Type_changes_that_rewrite_the_table_say_so_and_varchar_to_text_does_not()
    {
        var findings = await database.EvaluateAsync(new ISchemaRule[] { new FloatForMoneyRule(), new JsonInsteadOfJsonbRule(), new TimestampWithoutTimeZoneRule(), new Varchar255HabitRule() });

        Assert.All(findings.Where(f => f.RuleId != "varchar-255-habit"), f => Assert.Equal(MigrationStrategy.TableRewrite, f.Remedy!.Strategy));
        Assert.Contains(findings, f => f.RuleId == "float-for-money");
        Assert.All(findings.Where(f => f.RuleId == "varchar-255-habit"), f => Assert.Equal(MigrationStrategy.Standard, f.Remedy!.Strategy));
    }

    [Fact]
    public async Task Enum_like_rule_is_quiet_on_prose_and_on_a_small_sample()
    {
        // products(status) has code values but 2,000 rows; shipments(note) has 12,000 rows of a few sentences.
        var findings = await database.EvaluateAsync(new EnumLikeTextRule());

        Assert.Equal(["public.shipments(state)"], findings.Select(f => f.Subject));
    }

    [Fact]
    public async Task Every_design_remedy_on_this_schema_runs_up_and_down()
    {
        await RemedyProof.AssertAllRunAsync(database, await database.EvaluateAsync(RuleFamilies.Design));
    }
}
