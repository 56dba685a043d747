using DbArchitect.Core.Findings;
using DbArchitect.Core.Redaction;
using DbArchitect.Core.Tools;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using Microsoft.Extensions.AI;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// The tools over one target for a host that talks to a model or a tool client rather than writing
/// a TODO (chat, the MCP server): the catalog, the rules' findings and pg_stat_statements' top
/// statements are read once, on the read-only session, and the tools answer from them. Literals of
/// the workload and the connection's secrets are masked in every answer. Owns its read-only
/// session; the target stays the caller's.
/// </summary>
public sealed class ToolSession : IToolSession
{
    private readonly TargetSession _session;

    private ToolSession(TargetSession session, ArchitectTools tools) => (_session, Tools) = (session, tools);

    public ArchitectTools Tools { get; }

    public IReadOnlyList<AIFunction> Functions => Tools.Functions;

    /// <summary>Reads the target once, on a read-only session opened on <paramref name="connectionString"/>; <paramref name="source"/> names the target in messages.</summary>
    public static async Task<ToolSession> OpenAsync(string connectionString, string source, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var session = TargetSession.Open(connectionString);
        try
        {
            progress.Report($"reading the catalog, findings and workload of {source}…");
            var facts = await new FactsCollector(session).CollectAsync(new RuleOptions(), cancellationToken).ConfigureAwait(false);
            var findings = FindingRanking.Rank(RuleEngine.Evaluate(facts, RuleCatalog.All));
            var workload = (await new PgStatStatements(session).ReadTopAsync(PgStatStatements.DefaultTop, cancellationToken).ConfigureAwait(false)).Statements;
            var secrets = new SecretRedactor();
            secrets.AddConnectionString(connectionString);
            var tools = new ArchitectTools(facts.Snapshot, findings, workload, session, LiteralRedactor.For(workload.Select(w => w.Text)), secrets);
            return new ToolSession(session, tools);
        }
        catch (Exception e)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            if (DatabaseErrors.Translate(e, source) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
