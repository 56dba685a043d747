using System.Net.Sockets;
using DbArchitect.Postgres.Scratch;
using Npgsql;
using Testcontainers.PostgreSql;

namespace DbArchitect.Testing;

/// <summary>
/// The one PostgreSQL server a test run uses. <c>DBARCH_TEST_CONNECTION</c>, when set, wins (an
/// explicit choice by the person running the tests); otherwise a Testcontainers container when a
/// Docker engine answers; otherwise the product's own <see cref="ScratchCluster"/>.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestServer? _shared;
    private readonly IAsyncDisposable? _owned;

    private TestServer(string adminConnectionString, string kind, bool hypoPg, IAsyncDisposable? owned)
    {
        AdminConnectionString = adminConnectionString;
        Kind = kind;
        HypoPgAvailable = hypoPg;
        _owned = owned;
    }

    /// <summary>Superuser connection to the maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>"environment", "testcontainers" or "scratch".</summary>
    public string Kind { get; }

    public bool HypoPgAvailable { get; }

    /// <summary>The scratch cluster when that is what runs the tests (for tests that need its binaries).</summary>
    public ScratchCluster? Scratch => _owned as ScratchCluster;

    public static async Task<TestServer> GetAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync().ConfigureAwait(false);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<TestServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("DBARCH_TEST_CONNECTION") is { Length: > 0 } configured)
        {
            return new TestServer(configured, "environment", await HasHypoPgAsync(configured).ConfigureAwait(false), null);
        }

        if (DockerAnswers())
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync().ConfigureAwait(false);
            var connectionString = container.GetConnectionString();
            return new TestServer(connectionString, "testcontainers", await HasHypoPgAsync(connectionString).ConfigureAwait(false), container);
        }

        var cluster = await ScratchCluster.StartAsync().ConfigureAwait(false);
        return new TestServer(cluster.ConnectionString(), "scratch", cluster.HypoPgAvailable, cluster);
    }

    private static bool DockerAnswers()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socketPath = host is { Length: > 0 } && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : "/var/run/docker.sock";
        if (!File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> HasHypoPgAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_available_extensions WHERE name = 'hypopg'", connection);
        return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))! > 0;
    }
}
