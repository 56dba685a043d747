namespace DbArchitect.Postgres.Catalog;

/// <summary>pg_partitioned_table.partstrat: how a partitioned table routes rows to its partitions.</summary>
public enum PartitionStrategy
{
    Range,
    List,
    Hash,
}
