using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// The scratch copy of the target's schema: the SQL checker on it, the completion that reads its
/// catalog, and, when the pipeline had to start one for it, the scratch cluster it runs on. The
/// proof of the remedies, the model architect and the validation of the document share one
/// checker, so that a block already run is not run again for the same text.
/// </summary>
internal sealed class ScratchSqlSession : IAsyncDisposable
{
    private readonly ScratchSqlChecker _server;
    private readonly ScratchCluster? _ownedCluster;

    public ScratchSqlSession(string cloneConnectionString, ScratchCluster? ownedCluster)
    {
        _server = new ScratchSqlChecker(cloneConnectionString);
        _ownedCluster = ownedCluster;
        Checker = new ProvenSqlChecker(_server);
        Completion = new DependentObjectsCompletion(cloneConnectionString);
    }

    public ISqlChecker Checker { get; }

    public DependentObjectsCompletion Completion { get; }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        if (_ownedCluster is not null)
        {
            await _ownedCluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
