namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>What one statement of a schema dump is part of, as its parse tree says.</summary>
internal enum DumpedRole
{
    /// <summary>Belongs to no relation (a schema, type, function, extension): loaded before anything is checked.</summary>
    Base,

    /// <summary>Part of its owner relation: its definition, keys, indexes, defaults, triggers, comments.</summary>
    Part,

    /// <summary>A foreign key: part of its owner, and it needs the table it references.</summary>
    ForeignKey,

    /// <summary><c>ATTACH PARTITION</c> of a child table or index to its owner, the parent (an index's table).</summary>
    Attach,

    /// <summary>A view or materialized view over the relations it mentions.</summary>
    View,

    /// <summary>The definition of a partition or inheritance child of the relation it mentions.</summary>
    Child,
}

/// <summary>One statement of a schema dump, at its place in the dump's order.</summary>
/// <param name="Order">Its place in the dump.</param>
/// <param name="Sql">The statement.</param>
/// <param name="Role">What it is part of.</param>
/// <param name="Owner">The relation it belongs to (an index's statements belong to its table; a function over a table's row type, to that table); null for <see cref="DumpedRole.Base"/>.</param>
/// <param name="Mentions">The other relations it names, which must exist before it runs.</param>
internal sealed record DumpedStatement(int Order, string Sql, DumpedRole Role, RelationName? Owner, IReadOnlyList<RelationName> Mentions);
