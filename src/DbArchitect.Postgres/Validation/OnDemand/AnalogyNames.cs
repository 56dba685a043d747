namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>
/// The relation names that exist as a script goes on (the dump's, less what it drops or renames
/// away, plus what it makes), and the dump's table each name stands for, through renames and the
/// indexes built on it.
/// </summary>
internal sealed class AnalogyNames(DumpedSchema schema)
{
    private readonly HashSet<RelationName> _gone = [];
    private readonly HashSet<RelationName> _made = [];
    private readonly Dictionary<RelationName, RelationName> _identity = [];

    public bool Exists(RelationName name) => _made.Contains(name) || (schema.Defines(name) && !_gone.Contains(name));

    /// <summary>What the change needs holds: what it consumes exists and the name it makes is free.</summary>
    public bool Allows(ShapedChange change) =>
        (change.Consumes is not { } consumed || Exists(consumed)) && (change.Produces is not { } produced || !Exists(produced));

    /// <summary>The dump's table a name stands for now: itself, the table of its index, or what it was renamed from.</summary>
    public RelationName Identity(RelationName name)
    {
        var current = _identity.GetValueOrDefault(name, name);
        return schema.IndexTables.GetValueOrDefault(current, current);
    }

    /// <summary>The dump's table the change works on.</summary>
    public RelationName? TableOf(ShapedChange change) => change.On is { } on ? Identity(on) : change.Consumes is { } consumed ? Identity(consumed) : null;

    public void Apply(ShapedChange change)
    {
        var identity = TableOf(change);
        if (change.Consumes is { } consumed)
        {
            _made.Remove(consumed);
            _gone.Add(consumed);
        }

        if (change.Produces is { } produced)
        {
            _made.Add(produced);
            _gone.Remove(produced);
            if (identity is { } table)
            {
                _identity[produced] = table;
            }
        }
    }
}
