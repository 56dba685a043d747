using System.Globalization;
using System.Text;
using DbArchitect.Agent.Advising;
using DbArchitect.Agent.Analysis;
using DbArchitect.Agent.Explaining;
using DbArchitect.Agent.Targets;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Workload;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Agent.Chat;

/// <summary>
/// What a chat session's slash commands look up, as text for people. A model gets the shared tool
/// plugin instead (see <c>ToolSession</c>). Everything goes through the read-only target session,
/// which this object owns.
/// </summary>
public sealed class ChatTools : IAsyncDisposable
{
    private const int TablesShown = 40;
    private const int FindingsShown = 25;
    private readonly TargetSession _session;
    private CatalogSnapshot? _snapshot;

    private ChatTools(TargetSession session) => _session = session;

    public static ChatTools Open(TargetDatabase target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new ChatTools(TargetSession.Open(target.ConnectionString));
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    public async Task<string> TablesAsync(CancellationToken cancellationToken)
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

    public async Task<string> ExplainAsync(string statement, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var result = await new ExplainRunner(_session).ExplainAsync(statement, new ExplainOptions(), cancellationToken).ConfigureAwait(false);
        return PlanText.Render(result, PlanInsights.Evaluate(new PlanInsightContext { Result = result, Catalog = snapshot }));
    }

    /// <summary>Index advice for the given statements, or for pg_stat_statements' top entries when none are given.</summary>
    public async Task<string> AdviseAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var workload = statements.Select(s => new WorkloadStatement { Text = s, Source = WorkloadSource.File }).ToList();
        if (workload.Count == 0)
        {
            workload.AddRange((await new PgStatStatements(_session).ReadTopAsync(PgStatStatements.DefaultTop, cancellationToken).ConfigureAwait(false)).Statements);
        }

        if (workload.Count == 0)
        {
            return "no workload: give a statement (/advise SELECT …) or let the application run so pg_stat_statements records some\n";
        }

        var snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var result = await new IndexAdvisor(_session).AdviseAsync(workload, snapshot, new AdvisorOptions(), cancellationToken).ConfigureAwait(false);
        return AdviceText.Render(result);
    }

    public async Task<string> FindingsAsync(CancellationToken cancellationToken)
    {
        var facts = await new FactsCollector(_session).CollectAsync(new RuleOptions(), cancellationToken).ConfigureAwait(false);
        _snapshot = facts.Snapshot;
        var findings = FindingRanking.Rank(RuleEngine.Evaluate(facts, RuleCatalog.All));
        var text = new StringBuilder();
        foreach (var finding in findings.Take(FindingsShown))
        {
            text.Append(CultureInfo.InvariantCulture, $"[{finding.Severity}] {finding.Title} ({finding.Key})\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{findings.Count} findings from {RuleCatalog.All.Count} rules; /todo writes them as a validated plan\n");
        return text.ToString();
    }

    /// <summary>The analyze pipeline, writing TODO_database-architect.md into <paramref name="directory"/> after validation.</summary>
    public async Task<string> TodoAsync(string directory, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var request = new AnalyzeRequest { ConnectionString = _session.ConnectionString, OutputDirectory = directory, CheckSql = true };
        var outcome = await new AnalyzePipeline().RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        return $"TODO written to {outcome.WrittenTo} ({outcome.Document.Items.Count} items, {outcome.Findings.Count} findings)\n";
    }

    private async Task<CatalogSnapshot> SnapshotAsync(CancellationToken cancellationToken) =>
        _snapshot ??= await new CatalogReader(_session).ReadAsync(cancellationToken).ConfigureAwait(false);
}
