using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Sampling;
using Npgsql;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Rules;

/// <summary>Gathers what the rules read from a target: the catalog snapshot, then row samples of its largest tables and of columns that may copy a referenced row's.</summary>
public sealed class FactsCollector(NpgsqlDataSource dataSource)
{
    public FactsCollector(TargetSession session)
        : this(session.DataSource)
    {
    }

    public async Task<AnalysisFacts> CollectAsync(RuleOptions options, CancellationToken ct)
    {
        var snapshot = await new CatalogReader(dataSource).ReadAsync(ct).ConfigureAwait(false);
        var samples = await new RowSampler(dataSource).SampleAsync(snapshot, options, ct).ConfigureAwait(false);
        var copies = await new CopiedColumnSampler(dataSource).SampleAsync(snapshot, options, ct).ConfigureAwait(false);
        return new AnalysisFacts
        {
            Snapshot = snapshot,
            Samples = samples.ByTable,
            CopiedColumns = copies.Measured,
            Options = options,
            Gaps = MeasurementGaps.Of(snapshot, samples.Coverage, copies.Coverage),
        };
    }
}
