using DbArchitect.Postgres.Scratch;

namespace DbArchitect.Postgres.Tests.Validation;

/// <summary>A scratch cluster of the test class's own, as the product starts one for validation.</summary>
public sealed class ScratchClusterFixture : IAsyncLifetime
{
    private ScratchCluster? _cluster;

    public ScratchCluster Cluster => _cluster ?? throw new InvalidOperationException("fixture not initialised");

    public async Task InitializeAsync() => _cluster = await ScratchCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
