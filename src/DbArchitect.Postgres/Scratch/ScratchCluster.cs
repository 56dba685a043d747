using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DbArchitect.Postgres.Scratch;

/// <summary>
/// A throw-away PostgreSQL server the tool owns: initdb into a temporary directory, started on
/// 127.0.0.1 at a free port with pg_stat_statements preloaded, stopped and deleted on dispose.
/// Anything that writes (the demo database, migration trials, tests) happens here, never on a
/// target. When this process runs as root the server runs as an unprivileged OS user, because
/// PostgreSQL refuses to run as root.
/// </summary>
public sealed class ScratchCluster : IAsyncDisposable
{
    private const string SuperUser = "dbarch";
    private readonly string _binDirectory;
    private readonly string? _runAs;
    private int _disposed;

    private ScratchCluster(string dataDirectory, int port, string binDirectory, string? runAs)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _binDirectory = binDirectory;
        _runAs = runAs;
    }

    public string DataDirectory { get; }
    public int Port { get; }

    /// <summary>Directory of the server's binaries; its client tools (pg_dump) match the server's version.</summary>
    public string BinDirectory => _binDirectory;

    /// <summary>Whether the hypopg extension is installed on this machine (and so creatable in scratch databases).</summary>
    public bool HypoPgAvailable { get; private set; }

    /// <summary>Connection string for a database of this cluster, as its superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        Pooling = true,
        Timeout = 15,
        ApplicationName = "dbarch-scratch",
    }.ConnectionString;

    public static async Task<ScratchCluster> StartAsync(ScratchClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ScratchClusterOptions();
        var bin = ResolveBinDirectory(options.BinDirectory);
        var runAs = Environment.UserName == "root" || IsRoot() ? ResolveServerUser(options.ServerUser) : null;
        AbandonedScratchDirectories.Sweep();
        var dataDirectory = Path.Combine(Path.GetTempPath(), AbandonedScratchDirectories.Prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        ScratchOwner.Claim(dataDirectory);
        var port = FreePort();
        var cluster = new ScratchCluster(dataDirectory, port, bin, runAs);
        try
        {
            await cluster.InitializeAsync(options, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a database with pg_stat_statements (and hypopg when available) installed.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using (var admin = new NpgsqlConnection(ConnectionString()))
        {
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Catalog.SqlIdentifier.Quote(name)}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var connectionString = ConnectionString(name);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var extensions = HypoPgAvailable ? "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE EXTENSION IF NOT EXISTS hypopg;" : "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;";
        await using var command = new NpgsqlCommand(extensions, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connectionString;
    }

    /// <summary>Drops a database of this cluster, ending its sessions, and creates it again empty (<see cref="CreateDatabaseAsync"/>).</summary>
    public async Task<string> RecreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using (var admin = new NpgsqlConnection(ConnectionString()))
        {
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Catalog.SqlIdentifier.Quote(name)} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var stale = new NpgsqlConnection(ConnectionString(name)))
        {
            // Pooled sessions of the dropped database are dead; none may be handed out again.
            NpgsqlConnection.ClearPool(stale);
        }

        return await CreateDatabaseAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await RunServerToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], timeout.Token).ConfigureAwait(false);
        }

        // The server may still be removing its own files for a moment after pg_ctl returns.
        for (var attempt = 0; attempt < 10 && Directory.Exists(DataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        if (!Directory.Exists(DataDirectory))
        {
            ScratchOwner.Release(DataDirectory);
        }
    }

    private async Task InitializeAsync(ScratchClusterOptions options, CancellationToken cancellationToken)
    {
        if (_runAs is not null)
        {
            var chown = await ProcessRunner.RunAsync("chown", [$"{_runAs}:", DataDirectory], cancellationToken).ConfigureAwait(false);
            if (chown.ExitCode != 0)
            {
                throw new ScratchClusterException($"cannot hand {DataDirectory} to user {_runAs}: {chown.StandardError.Trim()}");
            }
        }

        var init = await RunServerToolAsync("initdb", ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken).ConfigureAwait(false);
        if (init.ExitCode != 0)
        {
            throw new ScratchClusterException($"initdb failed: {FirstLine(init.StandardError)}");
        }

        var settings = new List<string>
        {
            $"port = {Port}",
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{DataDirectory}'",
            "shared_preload_libraries = 'pg_stat_statements'",
            "pg_stat_statements.track = all",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "max_connections = 100",
            "max_locks_per_transaction = 256",
            "log_min_messages = warning",
        };
        settings.AddRange(options.ExtraSettings);
        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings, cancellationToken).ConfigureAwait(false);

        var timeoutSeconds = ((int)Math.Ceiling(options.StartTimeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = await RunServerToolAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-t", timeoutSeconds, "-w", "start"], cancellationToken).ConfigureAwait(false);
        if (start.ExitCode != 0)
        {
            var log = Path.Combine(DataDirectory, "server.log");
            var detail = File.Exists(log) ? FirstLine(await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false)) : FirstLine(start.StandardError);
            throw new ScratchClusterException($"the scratch server did not start: {detail}");
        }

        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var probe = new NpgsqlCommand("SELECT count(*) FROM pg_available_extensions WHERE name = 'hypopg'", connection);
        HypoPgAvailable = Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private Task<ProcessRunner.Result> RunServerToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_binDirectory, tool);
        if (_runAs is null)
        {
            return ProcessRunner.RunAsync(executable, arguments, cancellationToken);
        }

        return ProcessRunner.RunAsync("runuser", ["-u", _runAs, "--", executable, .. arguments], cancellationToken);
    }

    /// <summary>Where the server binaries a cluster would run are (pg_dump among them), before any cluster is started.</summary>
    /// <exception cref="ScratchClusterException">No PostgreSQL server binaries are on this machine.</exception>
    public static string ResolveBinDirectory(string? configured)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(configured);
        }

        if (Environment.GetEnvironmentVariable("DBARCH_PG_BIN") is { Length: > 0 } fromEnvironment)
        {
            candidates.Add(fromEnvironment);
        }

        candidates.Add("/usr/lib/postgresql/15/bin");
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "initdb")) && File.Exists(Path.Combine(c, "pg_ctl")))
            ?? throw new ScratchClusterException("PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql-15 or set DBARCH_PG_BIN");
    }

    private static string ResolveServerUser(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        return passwd.Any(line => line.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() && File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Contains("FATAL", StringComparison.Ordinal) || l.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
