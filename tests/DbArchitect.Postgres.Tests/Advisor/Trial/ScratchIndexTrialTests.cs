using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Advisor.Trial;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Tests.Validation;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Advisor.Trial;

public sealed class ScratchIndexTrialTests(ScratchTrialFixture trial, ScratchClusterFixture lent)
    : IClassFixture<ScratchTrialFixture>, IClassFixture<ScratchClusterFixture>
{
    [Fact]
    public void A_trigram_gin_index_makes_a_substring_search_cheaper_on_the_scratch_copy_and_is_used()
    {
        var result = trial.TrialOf(ScratchTrialFixture.NameTrigram);
        var like = result.Statements.Single(s => s.Statement == ScratchTrialFixture.Like);

        Assert.True(trial.Result.Ran, trial.Result.NotRun);
        Assert.True(result.Measured, result.Failed);
        Assert.True(like.UsesIndex);
        Assert.InRange(like.Ratio, 0.0, 0.5);
        Assert.Equal(EvidenceSource.ScratchTrial, result.Evidence);
        Assert.StartsWith("real GIN index on a scratch copy holding 20,000 of ", result.EvidenceNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gin_index_on_jsonb_serves_containment()
    {
        var contains = trial.TrialOf(ScratchTrialFixture.Attributes).Statements.Single(s => s.Statement == ScratchTrialFixture.Contains);

        Assert.True(contains.UsesIndex);
        Assert.InRange(contains.Ratio, 0.0, 0.9);
    }

    [Fact]
    public void An_index_on_a_column_nobody_filters_is_unused_and_leaves_every_cost_as_it_was()
    {
        var result = trial.TrialOf(ScratchTrialFixture.Note);

        Assert.True(result.Measured, result.Failed);
        Assert.Equal(4, result.Statements.Count);
        Assert.All(result.Statements, s => Assert.False(s.UsesIndex));
        Assert.All(result.Statements, s => Assert.InRange(s.Ratio, 0.99, 1.01));
    }

    [Fact]
    public void The_index_size_is_scaled_from_the_sample_to_the_target_rows()
    {
        var result = trial.TrialOf(ScratchTrialFixture.Note);

        Assert.NotNull(result.Sample);
        Assert.InRange(result.Sample.TargetRows, 55_000, 65_000);
        Assert.InRange(result.SampleBytes, 1_000_000, 50_000_000);
        Assert.Equal(result.Sample.Scale(result.SampleBytes), result.EstimatedBytes);
        Assert.InRange(result.EstimatedBytes, result.SampleBytes * 2.5, result.SampleBytes * 3.5);
    }

    [Fact]
    public void Each_table_sample_respects_the_row_cap()
    {
        Assert.Equal(["public.items", "public.reviews"], trial.Result.Tables.Select(t => t.Table.QualifiedName).Order(StringComparer.Ordinal));
        Assert.All(trial.Result.Tables, t => Assert.InRange(t.SampleRows, ScratchTrialFixture.RowCap / 2, ScratchTrialFixture.RowCap));
        Assert.All(trial.Result.Tables, t => Assert.InRange(t.Fraction, 0.2, 0.8));
    }

    [Fact]
    public void Rows_whose_parent_was_not_sampled_and_rows_a_trigger_would_refuse_are_still_copied()
    {
        var reviews = trial.Result.Tables.Single(t => t.Table.Name == "reviews");
        var join = trial.TrialOf(ScratchTrialFixture.ReviewBody).Statements.Single();

        Assert.Null(reviews.NotCopied);
        Assert.True(reviews.SampleRows > 0);
        Assert.Equal(ScratchTrialFixture.Join, join.Statement);
        Assert.True(join.UsesIndex);
    }

    [Fact]
    public void A_statement_the_target_cannot_plan_is_noted_and_left_out()
    {
        Assert.Contains(trial.Result.Notes, n => n.Contains(ScratchTrialFixture.Unplannable, StringComparison.Ordinal));
        Assert.DoesNotContain(trial.Result.Indexes.SelectMany(i => i.Statements), s => s.Statement == ScratchTrialFixture.Unplannable);
    }

    [Fact]
    public void A_parameterised_statement_is_compared_through_its_generic_plan()
    {
        var byCategory = trial.TrialOf(ScratchTrialFixture.Note).Statements.Single(s => s.Statement == ScratchTrialFixture.ByCategory);

        Assert.Null(byCategory.Skipped);
        Assert.True(byCategory.CostBefore > 0);
    }

    [Fact]
    public async Task The_target_is_left_as_it_was()
    {
        Assert.Equal(trial.IndexesBefore, await trial.ScalarAsync<string>(ScratchTrialFixture.IndexesSql));
        Assert.Equal(60_000L, await trial.ScalarAsync<long>("SELECT count(*) FROM items"));
        Assert.Equal(30_000L, await trial.ScalarAsync<long>("SELECT count(*) FROM reviews"));
        Assert.Equal(0L, await trial.ScalarAsync<long>("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"));
    }

    [Fact]
    public async Task An_unreachable_target_gives_a_trial_that_did_not_run_and_says_why()
    {
        const string unreachable = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=2";
        await using var target = TargetDataSource.Create(unreachable);

        var result = await new ScratchIndexTrial(unreachable, target).RunAsync([ScratchTrialFixture.Note], [ScratchTrialFixture.ByCategory], cluster: null, CancellationToken.None);

        Assert.False(result.Ran);
        Assert.StartsWith("no scratch trial: ", result.NotRun, StringComparison.Ordinal);
        Assert.Empty(result.Indexes);
    }

    [Fact]
    public async Task On_a_lent_cluster_a_small_table_is_copied_whole_and_the_scratch_database_is_dropped_afterwards()
    {
        var label = new IndexCandidate { Schema = "public", Table = "tags", Keys = ["label"] };
        await using var target = TargetDataSource.Create(trial.AdminConnectionString);

        var result = await new ScratchIndexTrial(trial.AdminConnectionString, target)
            .RunAsync([label], ["SELECT id FROM tags WHERE label = $1"], lent.Cluster, CancellationToken.None);

        var measured = Assert.Single(result.Indexes);
        Assert.True(measured.Measured, measured.Failed);
        Assert.Equal("real B-tree index on a scratch copy holding all 1,000 rows of public.tags", measured.EvidenceNote);
        Assert.True(Assert.Single(measured.Statements).UsesIndex);
        Assert.Equal(measured.SampleBytes, measured.EstimatedBytes);
        await using var admin = new NpgsqlConnection(lent.Cluster.ConnectionString());
        await admin.OpenAsync();
        await using var databases = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'dbarch_schema_%'", admin);
        Assert.Equal(0L, await databases.ExecuteScalarAsync());
    }
}
