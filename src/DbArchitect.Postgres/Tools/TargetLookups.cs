using System.Globalization;
using System.Text;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// What a person's slash commands look up on one target: tables, a plan and its insights, index
/// advice, the rules' findings. The catalog is read once, on a read-only session this object owns.
/// </summary>
public sealed class TargetLookups : IAsyncDisposable
{
    private const int TablesShown = 40;
    private readonly TargetSession _session;
    private CatalogSnapshot? _snapshot;

    public TargetLookups(string connectionString) => _session = TargetSession.Open(connectionString);

    public string ConnectionString => _session.ConnectionString;

    /// <summary>The rules a findings lookup runs.</summary>
    public static int RuleCount => RuleCatalog.All.Count;

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    /// <summary>The largest tables, one line each: name, estimated rows, size.</summary>
    public async Task<string> TablesTextAsync(CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var tables = snapshot.Tables.OrderByDescending(t => t.TotalBytes).ThenBy(t => t.QualifiedName, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        foreach (var table in tables.Take(TablesShown))
        {
            text.Append(CultureInfo.InvariantCulture, $"{table.QualifiedName,-40} {MeasureText.Count(Math.Max(table.EstimatedRows, 0)),12} rows {MeasureText.Bytes(table.TotalBytes),10}\n");
        }

        if (tables.Count > TablesShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {tables.Count - TablesShown} more\n");
        }

        return tables.Count == 0 ? "no tables\n" : text.ToString();
    }

    /// <summary>The statement's plan (EXPLAIN, never run) and what the plan insights find in it.</summary>
    public async Task<(ExplainResult Plan, IReadOnlyList<Finding> Insights)> ExplainAsync(string statement, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var result = await new ExplainRunner(_session).ExplainAsync(statement, new ExplainOptions(), cancellationToken).ConfigureAwait(false);
        return (result, PlanInsights.Evaluate(new PlanInsightContext { Result = result, Catalog = snapshot }));
    }

    /// <summary>Index advice for the given statements, or for pg_stat_statements' top entries when none are given; null when there is no workload at all.</summary>
    public async Task<AdvisorResult?> AdviseAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var workload = statements.Select(s => new WorkloadStatement { Text = s, Source = WorkloadSource.File }).ToList();
        if (workload.Count == 0)
        {
            workload.AddRange((await new PgStatStatements(_session).ReadTopAsync(PgStatStatements.DefaultTop, cancellationToken).ConfigureAwait(false)).Statements);
        }

        if (workload.Count == 0)
        {
            return null;
        }

        var snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return await new IndexAdvisor(_session).AdviseAsync(workload, snapshot, new AdvisorOptions(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema rules' findings, worst first; the catalog they were read from is kept for the next lookup.</summary>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(CancellationToken cancellationToken)
    {
        var facts = await new FactsCollector(_session).CollectAsync(new RuleOptions(), cancellationToken).ConfigureAwait(false);
        _snapshot = facts.Snapshot;
        return FindingRanking.Rank(RuleEngine.Evaluate(facts, RuleCatalog.All));
    }

    private async Task<CatalogSnapshot> SnapshotAsync(CancellationToken cancellationToken) =>
        _snapshot ??= await new CatalogReader(_session).ReadAsync(cancellationToken).ConfigureAwait(false);
}
