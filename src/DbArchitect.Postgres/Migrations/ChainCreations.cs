namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// Which migrations of a chain create each relation, kept as the first and the last of them, so that
/// "created only after migration i" is a look-up rather than a union over the chain at every
/// migration (a chain of thousands of migrations stays linear).
/// </summary>
public sealed class ChainCreations
{
    private readonly Dictionary<string, (int First, int Last)> _creators = new(StringComparer.Ordinal);

    /// <param name="createdByMigration">The relations each migration creates, in chain order.</param>
    public ChainCreations(IEnumerable<IEnumerable<string>> createdByMigration)
    {
        ArgumentNullException.ThrowIfNull(createdByMigration);
        var index = 0;
        foreach (var created in createdByMigration)
        {
            foreach (var relation in created)
            {
                _creators[relation] = _creators.TryGetValue(relation, out var known) ? (known.First, index) : (index, index);
            }

            index++;
        }
    }

    /// <summary>A chain that creates nothing: every relation already exists.</summary>
    public static ChainCreations None { get; } = new([]);

    /// <summary>Whether only migrations from <paramref name="migration"/> on create the relation, and one after it does.</summary>
    public bool CreatedLater(string relation, int migration) => _creators.TryGetValue(relation, out var c) && c.First >= migration && c.Last > migration;
}
