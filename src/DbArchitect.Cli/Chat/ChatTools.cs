using System.Globalization;
using System.Text;
using DbArchitect.Agent.Analysis;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Rewrites;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Workload;
using Microsoft.Extensions.AI;
using Npgsql;

namespace DbArchitect.Cli.Chat;

/// <summary>
/// What a chat session can look up, as text: the same handlers answer the slash commands and, when
/// a model is configured, its tool calls. Everything goes through the read-only target session.
/// </summary>
internal sealed class ChatTools(NpgsqlDataSource dataSource, string connectionString)
{
    private const int TablesShown = 40;
    private const int FindingsShown = 25;
    private CatalogSnapshot? _snapshot;

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
        var result = await new ExplainRunner(dataSource).ExplainAsync(statement, new ExplainOptions(), cancellationToken).ConfigureAwait(false);
        return PlanText.Render(result, PlanInsights.Evaluate(new PlanInsightContext { Result = result, Catalog = snapshot }));
    }

    /// <summary>Index advice for the given statements, or for pg_stat_statements' top entries when none are given.</summary>
    public async Task<string> AdviseAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var workload = statements.Select(s => new WorkloadStatement { Text = s, Source = WorkloadSource.File }).ToList();
        if (workload.Count == 0)
        {
            workload.AddRange((await new PgStatStatements(dataSource).ReadTopAsync(PgStatStatements.DefaultTop, cancellationToken).ConfigureAwait(false)).Statements);
        }

        if (workload.Count == 0)
        {
            return "no workload: give a statement (/advise SELECT …) or let the application run so pg_stat_statements records some\n";
        }

        var snapshot = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var result = await new IndexAdvisor(dataSource).AdviseAsync(workload, snapshot, new AdvisorOptions(), cancellationToken).ConfigureAwait(false);
        return AdviceText.Render(result);
    }

    /// <summary>Whether <paramref name="rewrite"/> may replace <paramref name="original"/>: cheaper on the target and the same rows.</summary>
    public async Task<string> CheckRewriteAsync(string original, string rewrite, CancellationToken cancellationToken)
    {
        var verdict = await new RewriteVerifier(dataSource).VerifyAsync(original, rewrite, cancellationToken).ConfigureAwait(false);
        var costs = verdict.OriginalCost is { } before && verdict.RewriteCost is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"estimated cost {before:0.##} → {after:0.##}")
            : "not planned";
        return verdict.Accepted
            ? string.Create(CultureInfo.InvariantCulture, $"accepted: {costs}, the same {verdict.RewriteRows} rows{(verdict.OrderMatters ? " in the same order" : "")}\n")
            : $"refused: {verdict.Refusal} ({costs})\n";
    }

    public async Task<string> FindingsAsync(CancellationToken cancellationToken)
    {
        var facts = await new FactsCollector(dataSource).CollectAsync(new RuleOptions(), cancellationToken).ConfigureAwait(false);
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
        var request = new AnalyzeRequest { ConnectionString = connectionString, OutputDirectory = directory, CheckSql = true };
        var outcome = await new AnalyzePipeline().RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        return $"TODO written to {outcome.WrittenTo} ({outcome.Document.Items.Count} items, {outcome.Findings.Count} findings)\n";
    }

    /// <summary>The same handlers as functions a model may call.</summary>
    public IReadOnlyList<AITool> AsFunctions() =>
    [
        AIFunctionFactory.Create((CancellationToken ct) => TablesAsync(ct), "list_tables", "The largest tables of the database with estimated rows and size."),
        AIFunctionFactory.Create((string statement, CancellationToken ct) => ExplainAsync(statement, ct), "explain", "The execution plan of one SQL statement (planned, never run) and what is wrong with it."),
        AIFunctionFactory.Create((string[] statements, CancellationToken ct) => AdviseAsync(statements, ct), "advise_indexes", "Index recommendations for the given statements (or the recorded workload when empty), each costed with hypothetical indexes."),
        AIFunctionFactory.Create((CancellationToken ct) => FindingsAsync(ct), "list_findings", "The schema and health findings of the deterministic rules, most severe first."),
        AIFunctionFactory.Create((string original, string rewrite, CancellationToken ct) => CheckRewriteAsync(original, rewrite, ct), "check_rewrite",
            "Whether a rewritten query may replace the original: both are planned and run read-only on the target; accepted only when the rewrite costs less and returns the same rows."),
    ];

    private async Task<CatalogSnapshot> SnapshotAsync(CancellationToken cancellationToken) =>
        _snapshot ??= await new CatalogReader(dataSource).ReadAsync(cancellationToken).ConfigureAwait(false);
}
