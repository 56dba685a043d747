using DbArchitect.Postgres.Scratch;

namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>
/// A scratch database that holds a target's schema as far as the checks so far needed it: first
/// everything that belongs to no relation (schemas, types, functions, extensions), then, before a
/// block runs, the relations it names with what they need (<see cref="DumpedSchema.Closure"/>).
/// On a schema of thousands of tables most are never copied. When the copy cannot take on a
/// relation by itself, or a block is refused on it, the rest of the schema is loaded, so a refusal
/// is only ever reported from the whole schema.
/// </summary>
public sealed class OnDemandCopy : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<int> _loaded = [];
    private bool _extensionMissing;

    private readonly ScratchCluster _cluster;
    private readonly string _database;

    private OnDemandCopy(ScratchCluster cluster, string database, DumpedSchema schema)
    {
        _cluster = cluster;
        _database = database;
        ConnectionString = cluster.ConnectionString(database);
        Schema = schema;
    }

    public string ConnectionString { get; }

    internal DumpedSchema Schema { get; }

    /// <summary>Whether the whole schema is on the copy.</summary>
    public bool Complete { get; private set; }

    /// <summary>How many times the database was made afresh with the whole schema: sessions opened before are gone.</summary>
    public int Reloads { get; private set; }

    /// <summary>How many of the dump's statements are on the copy.</summary>
    public int StatementsLoaded => _loaded.Count;

    /// <summary>How many statements the dump holds, its session settings left out.</summary>
    public int StatementsInDump => Schema.Statements.Count;

    /// <param name="cluster">The scratch cluster.</param>
    /// <param name="database">An empty database of it (<see cref="ScratchCluster.CreateDatabaseAsync"/>), which the copy owns from now on.</param>
    /// <param name="schema">The target's dump.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    internal static async Task<OnDemandCopy> StartAsync(ScratchCluster cluster, string database, DumpedSchema schema, CancellationToken cancellationToken)
    {
        var copy = new OnDemandCopy(cluster, database, schema);
        await copy.LoadAsync([.. schema.Statements.Where(s => s.Role == DumpedRole.Base)], partial: false, cancellationToken).ConfigureAwait(false);
        return copy;
    }

    /// <summary>Makes sure the copy holds these relations and all they need.</summary>
    internal async Task EnsureAsync(IEnumerable<RelationName> relations, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Complete)
            {
                return;
            }

            var closure = Schema.Closure(relations, _loaded);
            if (closure.Count > 0 && !await LoadAsync(closure, partial: true, cancellationToken).ConfigureAwait(false))
            {
                await LoadRestLockedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Loads whatever of the schema is not on the copy yet.</summary>
    /// <exception cref="ScratchClusterException">The schema does not load.</exception>
    public async Task LoadRestAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!Complete)
            {
                await LoadRestLockedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The whole schema, loaded afresh in the dump's order: parts loaded one closure at a time do not
    /// keep that order (a partition attached after its key was built has it built twice), so what
    /// is on the copy is dropped first. Sessions of the database before this are ended.
    /// </summary>
    private async Task LoadRestLockedAsync(CancellationToken cancellationToken)
    {
        await _cluster.RecreateDatabaseAsync(_database, cancellationToken).ConfigureAwait(false);
        await SchemaCloner.LoadAsync(ConnectionString, [.. Schema.Settings, .. Schema.Statements.Select(s => s.Sql)], cancellationToken).ConfigureAwait(false);
        _loaded.UnionWith(Schema.Statements.Select(s => s.Order));
        Complete = true;
        Reloads++;
    }

    /// <returns>False when, loading part of the schema, a statement was refused: what it needs was not copied with it.</returns>
    private async Task<bool> LoadAsync(IReadOnlyList<DumpedStatement> statements, bool partial, CancellationToken cancellationToken)
    {
        await using var session = await SchemaCloner.OpenSessionAsync(ConnectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await SchemaCloner.RunAsync(session, Schema.Settings, false, cancellationToken).ConfigureAwait(false);
            _extensionMissing = await SchemaCloner.RunAsync(session, [.. statements.Select(s => s.Sql)], _extensionMissing, cancellationToken, i => _loaded.Add(statements[i].Order)).ConfigureAwait(false);
            return true;
        }
        catch (ScratchClusterException) when (partial)
        {
            return false;
        }
    }
}
