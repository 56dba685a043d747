using DbArchitect.Postgres.Scratch;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Scratch;

public sealed class ScratchClusterTests
{
    [Fact]
    public async Task Scratch_cluster_starts_with_pg_stat_statements_and_is_deleted_on_dispose()
    {
        string dataDirectory;
        await using (var cluster = await ScratchCluster.StartAsync())
        {
            dataDirectory = cluster.DataDirectory;
            var connectionString = await cluster.CreateDatabaseAsync("sample");
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_setting('shared_preload_libraries'), (SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements')", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Contains("pg_stat_statements", reader.GetString(0), StringComparison.Ordinal);
            Assert.Equal(1L, reader.GetInt64(1));
        }

        Assert.False(Directory.Exists(dataDirectory));
    }

    [Fact]
    public async Task Starting_a_cluster_sweeps_directories_abandoned_by_dead_clusters_but_not_running_ones()
    {
        var abandoned = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dbarch-scratch-test" + Guid.NewGuid().ToString("N")[..8]));
        var running = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dbarch-scratch-test" + Guid.NewGuid().ToString("N")[..8]));
        await File.WriteAllTextAsync(Path.Combine(running.FullName, "postmaster.pid"), "12345");
        Directory.SetLastWriteTimeUtc(abandoned.FullName, DateTime.UtcNow.AddHours(-2));
        Directory.SetLastWriteTimeUtc(running.FullName, DateTime.UtcNow.AddHours(-2));
        try
        {
            await using var cluster = await ScratchCluster.StartAsync();

            Assert.False(Directory.Exists(abandoned.FullName));
            Assert.True(Directory.Exists(running.FullName));
        }
        finally
        {
            running.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_running_cluster_whose_owner_process_is_gone_is_stopped_and_removed_by_the_sweeper()
    {
        await using var cluster = await ScratchCluster.StartAsync();
        var postmaster = int.Parse(File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Directory.Exists($"/proc/{postmaster}"));
        await File.WriteAllTextAsync(ScratchOwner.FileOf(cluster.DataDirectory), "999999999 0");

        AbandonedScratchDirectories.Sweep();

        Assert.False(Directory.Exists($"/proc/{postmaster}"), "the orphaned server was stopped");
        Assert.False(Directory.Exists(cluster.DataDirectory));
        Assert.False(File.Exists(ScratchOwner.FileOf(cluster.DataDirectory)));
    }

    [Fact]
    public async Task A_cluster_whose_owner_still_runs_is_left_alone()
    {
        await using var cluster = await ScratchCluster.StartAsync();

        AbandonedScratchDirectories.Sweep();

        Assert.True(File.Exists(Path.Combine(cluster.DataDirectory, "postmaster.pid")));
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
    }
}
