namespace DbArchitect.Postgres.Catalog;

/// <summary>pg_class.relkind values the snapshot keeps.</summary>
public enum TableKind
{
    Table,
    PartitionedTable,
    View,
    MaterializedView,
    ForeignTable,
}
