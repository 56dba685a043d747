using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// The scratch copy of the target's schema: the SQL checker on it, the completion that reads its
/// catalog, and, when the pipeline had to start one for it, the scratch cluster it runs on.
/// </summary>
internal sealed class ScratchSqlSession(string cloneConnectionString, ScratchCluster? ownedCluster) : IAsyncDisposable
{
    public ScratchSqlChecker Checker { get; } = new(cloneConnectionString);

    public DependentObjectsCompletion Completion { get; } = new(cloneConnectionString);

    public async ValueTask DisposeAsync()
    {
        await Checker.DisposeAsync().ConfigureAwait(false);
        if (ownedCluster is not null)
        {
            await ownedCluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
