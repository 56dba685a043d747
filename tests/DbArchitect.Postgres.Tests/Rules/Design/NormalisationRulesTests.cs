using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Design;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Design;

public sealed class NormalisationRulesDatabase : RuleDatabase
{
    protected override IReadOnlyList<string> Steps =>
    [
        """
            CREATE TABLE contacts (id bigint PRIMARY KEY, full_name text, phone1 text, phone2 text, phone3 text);
            INSERT INTO contacts
            SELECT g, 'Person ' || g, '555-' || g, CASE WHEN g % 2 = 0 THEN '556-' || g END, CASE WHEN g % 10 = 0 THEN '557-' || g END
            FROM generate_series(1, 200) g;

            CREATE TABLE hosts (id bigint PRIMARY KEY, ipv4 inet, ipv6 inet, sha256 text);
            -- The two ends of a relationship, numbered as MusicBrainz' link tables are: no repeating group.
            CREATE TABLE contact_hosts (id bigint PRIMARY KEY, entity0 bigint NOT NULL REFERENCES contacts, entity1 bigint NOT NULL REFERENCES hosts);

            CREATE TABLE articles (id bigint PRIMARY KEY, tags text, description text);
            INSERT INTO articles
            SELECT g, (ARRAY['sql,postgres', 'news', 'sql,tuning,indexes', 'cooking'])[1 + g % 4],
                   'A long text, with commas, written as prose by a person who likes to write sentences ' || g
            FROM generate_series(1, 200) g;

            CREATE TABLE orders (id bigint PRIMARY KEY, customer_email text, customer_name text, city text, zip text, quantity int);
            INSERT INTO orders
            SELECT g, 'c' || (g % 40) || '@example.com', 'Customer ' || (g % 40), 'City ' || (g % 25), 'Z' || (10000 + g % 25), 1 + (g * 7919) % 13
            FROM generate_series(1, 600) g;

            CREATE TABLE shipments (id bigint PRIMARY KEY, carrier text, tracking_code text, quantity int);
            INSERT INTO shipments
            SELECT g, 'carrier-' || (g % 5), md5(g::text), 1 + (g * 7919) % 13
            FROM generate_series(1, 600) g;
            """,
        "ANALYZE",
    ];
}

public sealed class NormalisationRulesTests(NormalisationRulesDatabase database) : IClassFixture<NormalisationRulesDatabase>
{
    [Fact]
    public async Task Numbered_phone_columns_are_a_repeating_group_with_slot_usage_from_the_sample_and_two_numbered_foreign_keys_are_not()
    {
        var findings = await database.EvaluateAsync(new RepeatingColumnGroupRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.contacts(phone1, phone2, phone3)", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Label == "rows using 1 of 3 slots" && e.Value == "100");
        Assert.Contains(finding.Evidence, e => e.Label == "rows using 3 of 3 slots" && e.Value == "20");
        Assert.Contains("public.contacts_phones", finding.Remedy!.Creates);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Comma_separated_tags_are_reported_but_prose_with_commas_is_not()
    {
        var findings = await database.EvaluateAsync(new DelimitedListColumnRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.articles(tags)", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Label == "values that are ','-separated lists" && e.Value == "100 (50%)");
        Assert.Contains("string_to_array", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Column_determined_by_a_non_key_column_is_reported_with_counts_and_a_3nf_split()
    {
        var findings = await database.EvaluateAsync(new TransitiveDependencyRule());

        var email = Assert.Single(findings, f => f.Subject == "public.orders(customer_email)");
        Assert.Contains(email.Evidence, e => e.Label == "distinct customer_email values" && e.Value == "40");
        Assert.Contains(email.Evidence, e => e.Label.EndsWith("exactly one customer_name", StringComparison.Ordinal) && e.Value.StartsWith("40 of 40", StringComparison.Ordinal));
        Assert.Contains("CREATE TABLE public.customer_emails", email.Remedy!.Up);
        Assert.Contains("FOREIGN KEY (customer_email) REFERENCES public.customer_emails (customer_email) NOT VALID", email.Remedy.Up);
        var city = Assert.Single(findings, f => f.Subject == "public.orders(city)");
        Assert.Contains(city.Evidence, e => e.Label.EndsWith("exactly one zip", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Subject.StartsWith("public.orders(customer_name", StringComparison.Ordinal) || f.Subject == "public.orders(zip)");
        Assert.DoesNotContain(findings, f => f.Tables.Contains("public.shipments"));
        await RemedyProof.AssertAllRunAsync(database, findings);
    }

    [Fact]
    public async Task Every_design_remedy_on_this_schema_runs_up_and_down()
    {
        await RemedyProof.AssertAllRunAsync(database, await database.EvaluateAsync(RuleFamilies.Design));
    }
}
