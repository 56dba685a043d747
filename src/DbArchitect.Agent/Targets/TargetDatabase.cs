using DbArchitect.Core.Failures;
using DbArchitect.Core.Tools;
using DbArchitect.Postgres.Demo;
using DbArchitect.Postgres.Migrations;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Tools;

namespace DbArchitect.Agent.Targets;

/// <summary>
/// The database a command works on: the user's, named by a connection string, or the shipped demo
/// on a scratch server this object owns and removes when disposed.
/// </summary>
public sealed class TargetDatabase : IAsyncDisposable
{
    private TargetDatabase(string connectionString, string source, ScratchCluster? scratch)
    {
        ConnectionString = connectionString;
        Source = source;
        Scratch = scratch;
    }

    public string ConnectionString { get; }

    /// <summary>Where the facts come from, for people: host/database, never the password.</summary>
    public string Source { get; }

    /// <summary>The demo's own scratch server, reusable for checks; null for a user's database.</summary>
    public ScratchCluster? Scratch { get; }

    /// <summary>A connection string as the engine's driver reads it: a <c>postgresql://</c> URI (what DATABASE_URL holds) becomes key/value form.</summary>
    public static string KeyValueConnectionString(string connectionString) => ConnectionUri.ToKeyValue(connectionString);

    /// <param name="connectionString">The user's database; null for the demo or a repository's schema.</param>
    /// <param name="demo">The shipped demo database.</param>
    /// <param name="progress">Where the steps are told.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="repository">Without a connection string or the demo: a repository whose migrations are built on a scratch server and analysed.</param>
    public static async Task<TargetDatabase> OpenAsync(string? connectionString, bool demo, IProgress<string> progress, CancellationToken cancellationToken, string? repository = null)
    {
        if (!demo && connectionString is null && repository is not null)
        {
            return await FromRepositoryAsync(repository, progress, cancellationToken).ConfigureAwait(false);
        }

        if (!demo)
        {
            var given = connectionString ?? throw new DbArchitectException(FailureKind.Usage, "no connection string");
            return new TargetDatabase(given, Describe(given), null);
        }

        progress.Report("starting a scratch PostgreSQL and loading the sample shop database…");
        var scratch = await StartScratchAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var demoConnection = await DemoDatabase.CreateAsync(scratch, cancellationToken).ConfigureAwait(false);
            return new TargetDatabase(demoConnection, "shipped demo database shop_demo on a scratch server", scratch);
        }
        catch
        {
            await scratch.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<TargetDatabase> FromRepositoryAsync(string repository, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var chain = RepositorySchema.ChainOf(repository, progress, cancellationToken);
        progress.Report("starting a scratch PostgreSQL and building the repository's schema from its migrations…");
        var scratch = await StartScratchAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var built = await RepositorySchema.BuildAsync(scratch, repository, chain, progress, cancellationToken).ConfigureAwait(false);
            return new TargetDatabase(built.ConnectionString, built.Source, scratch);
        }
        catch
        {
            await scratch.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The deterministic tools over this target, for a model or a tool client: the catalog, findings and workload read once.</summary>
    public async Task<IToolSession> OpenToolsAsync(IProgress<string> progress, CancellationToken cancellationToken) =>
        await ToolSession.OpenAsync(ConnectionString, Source, progress, cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (Scratch is not null)
        {
            await Scratch.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Describe(string connectionString)
    {
        try
        {
            return TargetDataSource.Describe(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DbArchitectException(FailureKind.Usage, $"invalid connection string: {e.Message.Split('\n')[0]}");
        }
    }

    private static async Task<ScratchCluster> StartScratchAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ScratchCluster.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ScratchClusterException e)
        {
            throw new DbArchitectException(FailureKind.Unreachable, $"cannot start a scratch PostgreSQL: {e.Message}");
        }
    }
}
