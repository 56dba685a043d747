using System.Globalization;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Design;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Design;

public sealed class DenormalisedCopyDatabase : RuleDatabase
{
    protected override IReadOnlyList<string> Steps =>
    [
        """
            CREATE TABLE buyers (id bigint PRIMARY KEY, email text NOT NULL, city text NOT NULL);
            INSERT INTO buyers SELECT g, 'buyer' || g || '@example.com', 'City ' || (g % 7) FROM generate_series(1, 100) g;

            -- buyer_email is a copy; buyer_city is named like one but agrees on half the rows;
            -- contact holds the buyer's email under a name that does not say so.
            CREATE TABLE purchases (
                id bigint PRIMARY KEY,
                buyer_id bigint REFERENCES buyers (id),
                buyer_email text,
                buyer_city text,
                contact text,
                amount numeric);
            CREATE INDEX purchases_buyer_email_idx ON purchases (buyer_email);
            INSERT INTO purchases
            SELECT g, 1 + g % 100, 'buyer' || (1 + g % 100) || '@example.com',
                   CASE WHEN g % 2 = 0 THEN 'City ' || ((1 + g % 100) % 7) ELSE 'Elsewhere' END,
                   'buyer' || (1 + g % 100) || '@example.com', g
            FROM generate_series(1, 1000) g;
            INSERT INTO purchases (id, amount) SELECT g, g FROM generate_series(1001, 1100) g;
            """,
        "ANALYZE",
    ];
}

public sealed class DenormalisedCopyTests(DenormalisedCopyDatabase database) : IClassFixture<DenormalisedCopyDatabase>
{
    [Fact]
    public async Task Column_equal_to_the_referenced_rows_column_is_reported_with_its_match_rate_and_a_drop_that_can_be_undone()
    {
        var findings = await database.EvaluateAsync(new DenormalisedCopyRule());

        var finding = Assert.Single(findings);
        Assert.Equal("public.purchases(buyer_email)", finding.Subject);
        Assert.Contains(finding.Evidence, e => e.Label == "match rate" && e.Value == "100% (1,000 of 1,000 sampled rows with a non-null buyer_id)");
        Assert.Contains(finding.Evidence, e => e.Label == "foreign key" && e.Value == "purchases_buyer_id_fkey: (buyer_id) → public.buyers(id)");
        Assert.Equal(ChangeKind.Migration, finding.Remedy!.Kind);
        Assert.Contains("ALTER TABLE public.purchases DROP COLUMN buyer_email;", finding.Remedy.Up);
        Assert.Contains("UPDATE public.purchases AS child SET buyer_email = parent.email", finding.Remedy.Down);
        Assert.Contains("CREATE INDEX purchases_buyer_email_idx", finding.Remedy.Down);
        Assert.Contains("switch to the join", finding.Rationale);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Sample_of_referencing_rows_is_bounded_by_the_sample_size_option()
    {
        var findings = await database.EvaluateAsync(new DenormalisedCopyRule(), new RuleOptions { SampleRows = 100 });

        var finding = Assert.Single(findings);
        var sampled = int.Parse(finding.Evidence.Single(e => e.Label == "sample size").Value, CultureInfo.InvariantCulture);
        Assert.InRange(sampled, 50, 100);
    }

    [Fact]
    public async Task Column_named_like_a_copy_whose_values_differ_and_a_copy_under_an_unrelated_name_stay_quiet()
    {
        var facts = await database.CollectAsync();

        var city = Assert.Single(facts.CopiedColumns, c => c.Column == "buyer_city");
        Assert.Equal(500, city.MatchingRows);
        Assert.DoesNotContain(facts.CopiedColumns, c => c.Column == "contact");
        Assert.DoesNotContain(new DenormalisedCopyRule().Evaluate(facts), f => f.Subject != "public.purchases(buyer_email)");
    }
}
