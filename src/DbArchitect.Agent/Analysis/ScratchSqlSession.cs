using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Validation;
using DbArchitect.Postgres.Validation.OnDemand;

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
    private readonly OnDemandCopy _copy;
    private readonly ScratchCluster? _ownedCluster;

    public ScratchSqlSession(OnDemandCopy copy, ScratchCluster? ownedCluster)
    {
        _copy = copy;
        _server = new ScratchSqlChecker(copy);
        _ownedCluster = ownedCluster;
        Checker = new ProvenSqlChecker(_server);
        Completion = new DependentObjectsCompletion(copy.ConnectionString);
    }

    public ISqlChecker Checker { get; }

    public DependentObjectsCompletion Completion { get; }

    /// <summary>Statements of the blocks that passed executed on the copy.</summary>
    public int StatementsRun => _server.StatementsRun;

    /// <summary>Statements of the blocks that passed accepted by analogy with same-shape statements that ran.</summary>
    public int StatementsByAnalogy => _server.StatementsByAnalogy;

    /// <summary>How much of the dump the copy took on.</summary>
    public string CopiedShare => _copy.Complete ? "the whole schema" : $"{_copy.StatementsLoaded:N0} of the dump's {_copy.StatementsInDump:N0} statements";

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        await _copy.DisposeAsync().ConfigureAwait(false);
        if (_ownedCluster is not null)
        {
            await _ownedCluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
