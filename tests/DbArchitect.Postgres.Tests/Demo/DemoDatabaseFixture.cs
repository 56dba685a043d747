using System.Diagnostics;
using DbArchitect.Postgres.Demo;
using DbArchitect.Postgres.Scratch;

namespace DbArchitect.Postgres.Tests.Demo;

/// <summary>The demo loaded once on a scratch cluster of its own, the way <c>--demo</c> does it.</summary>
public sealed class DemoDatabaseFixture : IAsyncLifetime
{
    private ScratchCluster? _cluster;

    public string ConnectionString { get; private set; } = "";

    public TimeSpan LoadTime { get; private set; }

    public async Task InitializeAsync()
    {
        _cluster = await ScratchCluster.StartAsync();
        using var generous = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var clock = Stopwatch.StartNew();
        ConnectionString = await DemoDatabase.CreateAsync(_cluster, generous.Token);
        LoadTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
