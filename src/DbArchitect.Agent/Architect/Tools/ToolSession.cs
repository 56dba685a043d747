using DbArchitect.Agent.Model;
using DbArchitect.Agent.Targets;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using Npgsql;

namespace DbArchitect.Agent.Architect.Tools;

/// <summary>
/// The tools over one target for a host that talks to a model or a tool client rather than writing
/// a TODO (chat, the MCP server): the catalog, the rules' findings and pg_stat_statements' top
/// statements are read once, on the read-only session, and the tools answer from them. Literals of
/// the workload and the connection's secrets are masked in every answer. Owns the target (the
/// demo's scratch server) and the session.
/// </summary>
public sealed class ToolSession : IAsyncDisposable
{
    private readonly TargetDatabase _target;
    private readonly NpgsqlDataSource _dataSource;

    private ToolSession(TargetDatabase target, NpgsqlDataSource dataSource, ArchitectTools tools) => (_target, _dataSource, Tools) = (target, dataSource, tools);

    public ArchitectTools Tools { get; }

    /// <summary>Where the answers come from, for people: host/database, never the password.</summary>
    public string Source => _target.Source;

    public static async Task<ToolSession> OpenAsync(string? connectionString, bool demo, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var target = await TargetDatabase.OpenAsync(connectionString, demo, progress, cancellationToken).ConfigureAwait(false);
        var dataSource = TargetDataSource.Create(target.ConnectionString);
        try
        {
            progress.Report($"reading the catalog, findings and workload of {target.Source}…");
            var facts = await new FactsCollector(dataSource).CollectAsync(new RuleOptions(), cancellationToken).ConfigureAwait(false);
            var findings = FindingRanking.Rank(RuleEngine.Evaluate(facts, RuleCatalog.All));
            var workload = (await new PgStatStatements(dataSource).ReadTopAsync(PgStatStatements.DefaultTop, cancellationToken).ConfigureAwait(false)).Statements;
            var secrets = new SecretRedactor();
            secrets.AddConnectionString(target.ConnectionString);
            var tools = new ArchitectTools(facts.Snapshot, findings, workload, dataSource, LiteralRedactor.For(workload.Select(w => w.Text)), secrets);
            return new ToolSession(target, dataSource, tools);
        }
        catch (Exception e) when (DatabaseErrors.Translate(e, target.Source) is { } failure)
        {
            await DisposeAsync(target, dataSource).ConfigureAwait(false);
            throw failure;
        }
        catch
        {
            await DisposeAsync(target, dataSource).ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => DisposeAsync(_target, _dataSource);

    private static async ValueTask DisposeAsync(TargetDatabase target, NpgsqlDataSource dataSource)
    {
        await dataSource.DisposeAsync().ConfigureAwait(false);
        await target.DisposeAsync().ConfigureAwait(false);
    }
}
