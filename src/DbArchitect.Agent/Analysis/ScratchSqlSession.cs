using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Agent.Analysis;

/// <summary>The SQL checker and, when the pipeline had to start one for it, the scratch cluster it runs on.</summary>
internal sealed class ScratchSqlSession(ScratchSqlChecker checker, ScratchCluster? ownedCluster) : IAsyncDisposable
{
    public ScratchSqlChecker Checker { get; } = checker;

    public async ValueTask DisposeAsync()
    {
        await Checker.DisposeAsync().ConfigureAwait(false);
        if (ownedCluster is not null)
        {
            await ownedCluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
