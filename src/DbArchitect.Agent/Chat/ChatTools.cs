using System.Globalization;
using System.Text;
using DbArchitect.Agent.Advising;
using DbArchitect.Agent.Analysis;
using DbArchitect.Agent.Explaining;
using DbArchitect.Agent.Targets;
using DbArchitect.Postgres.Tools;

namespace DbArchitect.Agent.Chat;

/// <summary>
/// What a chat session's slash commands look up, as text for people. A model gets the shared tool
/// plugin instead (see <see cref="TargetDatabase.OpenToolsAsync"/>). Everything goes through the
/// engine's read-only lookups, which this object owns.
/// </summary>
public sealed class ChatTools : IAsyncDisposable
{
    private const int FindingsShown = 25;
    private readonly TargetLookups _lookups;

    private ChatTools(TargetLookups lookups) => _lookups = lookups;

    public static ChatTools Open(TargetDatabase target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new ChatTools(new TargetLookups(target.ConnectionString));
    }

    public ValueTask DisposeAsync() => _lookups.DisposeAsync();

    public Task<string> TablesAsync(CancellationToken cancellationToken) => _lookups.TablesTextAsync(cancellationToken);

    public async Task<string> ExplainAsync(string statement, CancellationToken cancellationToken)
    {
        var (plan, insights) = await _lookups.ExplainAsync(statement, cancellationToken).ConfigureAwait(false);
        return PlanText.Render(plan, insights);
    }

    /// <summary>Index advice for the given statements, or for pg_stat_statements' top entries when none are given.</summary>
    public async Task<string> AdviseAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken) =>
        await _lookups.AdviseAsync(statements, cancellationToken).ConfigureAwait(false) is { } advice
            ? AdviceText.Render(advice)
            : "no workload: give a statement (/advise SELECT …) or let the application run so pg_stat_statements records some\n";

    public async Task<string> FindingsAsync(CancellationToken cancellationToken)
    {
        var findings = await _lookups.FindingsAsync(cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var finding in findings.Take(FindingsShown))
        {
            text.Append(CultureInfo.InvariantCulture, $"[{finding.Severity}] {finding.Title} ({finding.Key})\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{findings.Count} findings from {TargetLookups.RuleCount} rules; /todo writes them as a validated plan\n");
        return text.ToString();
    }

    /// <summary>The analyze pipeline, writing TODO_database-architect.md into <paramref name="directory"/> after validation.</summary>
    public async Task<string> TodoAsync(string directory, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var request = new AnalyzeRequest { ConnectionString = _lookups.ConnectionString, OutputDirectory = directory, CheckSql = true };
        var outcome = await new AnalyzePipeline().RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        return $"TODO written to {outcome.WrittenTo} ({outcome.Document.Items.Count} items, {outcome.Findings.Count} findings)\n";
    }
}
