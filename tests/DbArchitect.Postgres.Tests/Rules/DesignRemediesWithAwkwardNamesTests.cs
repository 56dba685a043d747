using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules;

/// <summary>Names that need quoting everywhere: every remedy must still be valid SQL against them.</summary>
public sealed class AwkwardNamesDatabase : RuleDatabase
{
    public const string LongName = "a_table_name_that_is_exactly_sixty_three_bytes_long_for_testing";

    protected override IReadOnlyList<string> Steps =>
    [
        $$"""
            CREATE SCHEMA "Sales Data";
            CREATE TABLE "Sales Data"."Customer Orders" (
                "Order Id" serial,
                "Tenant_ID" int,
                org_id int,
                "Total Amount" double precision,
                "Placed At" timestamp,
                "Notes" json,
                "Phone1" varchar(255),
                "Phone2" varchar(255),
                "Städt" text,
                "Zip" text,
                "Status" text);
            INSERT INTO "Sales Data"."Customer Orders" (org_id, "Total Amount", "Placed At", "Notes", "Phone1", "Phone2", "Städt", "Zip", "Status")
            SELECT g % 3, g * 1.5, '2026-01-01'::timestamp + g * interval '1 minute', '{}', 'p' || g, NULL, 'Stadt ' || g % 20, 'Z' || g % 20, (ARRAY['neu', 'alt'])[1 + g % 2]
            FROM generate_series(1, 1500) g;
            CREATE TABLE "Sales Data".{{LongName}} (id bigint PRIMARY KEY, "select" text, tags text);
            INSERT INTO "Sales Data".{{LongName}} SELECT g, 's', 'a,b' FROM generate_series(1, 100) g;
            CREATE TABLE "Sales Data"."Buyer" ("Buyer Id" int PRIMARY KEY, "E-Mail" text, "Land" char(2));
            INSERT INTO "Sales Data"."Buyer" SELECT g, 'b' || g || '@example.com', 'DE' FROM generate_series(1, 100) g;
            CREATE TABLE "Sales Data"."Buyer Order" (id int PRIMARY KEY, "Buyer Id" int NOT NULL REFERENCES "Sales Data"."Buyer", "E-Mail" text NOT NULL);
            INSERT INTO "Sales Data"."Buyer Order" SELECT g, g, 'b' || g || '@example.com' FROM generate_series(1, 60) g;
            """,
        "ANALYZE",
    ];
}

public sealed class DesignRemediesWithAwkwardNamesTests(AwkwardNamesDatabase database) : IClassFixture<AwkwardNamesDatabase>
{
    [Fact]
    public async Task Remedies_quote_mixed_case_spaced_unicode_and_reserved_names_and_still_run()
    {
        var findings = await database.EvaluateAsync(RuleFamilies.Design);

        Assert.Contains(findings, f => f.RuleId == "missing-primary-key" && f.Subject == "\"Sales Data\".\"Customer Orders\"");
        Assert.Contains(findings, f => f.RuleId == "float-for-money" && f.Subject == "\"Sales Data\".\"Customer Orders\"(\"Total Amount\")");
        Assert.Contains(findings, f => f.RuleId == "tenant-table-without-rls");
        Assert.Contains(findings, f => f.RuleId == "identifier-needs-quotes" && f.Subject == $"\"Sales Data\".{AwkwardNamesDatabase.LongName}");
        Assert.Contains(findings, f => f.RuleId == "char-column" && f.Subject == "\"Sales Data\".\"Buyer\"");
        Assert.Contains(findings, f => f.RuleId == "denormalised-copy" && f.Subject == "\"Sales Data\".\"Buyer Order\"(\"E-Mail\")");
        await RemedyProof.AssertAllRunAsync(database, findings);
    }

    [Fact]
    public async Task Derived_names_stay_within_the_63_byte_identifier_limit()
    {
        var created = (await database.EvaluateAsync(RuleFamilies.Design)).Select(f => f.Remedy).OfType<Remedy>().SelectMany(r => r.Creates);

        Assert.All(created, name => Assert.All(name.Split('.'), part => Assert.True(System.Text.Encoding.UTF8.GetByteCount(part.Trim('"')) <= 63, name)));
    }
}
