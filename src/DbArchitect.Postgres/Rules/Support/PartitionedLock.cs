namespace DbArchitect.Postgres.Rules.Support;

/// <summary>What people must know when index DDL on a partitioned table cannot run CONCURRENTLY.</summary>
internal static class PartitionedLock
{
    public const string Note =
        " On a partitioned table PostgreSQL 15 cannot do this CONCURRENTLY: the statement locks writes on every partition while it runs. " +
        "For big partitions build the index ON ONLY the parent, then CONCURRENTLY per partition and ALTER INDEX ... ATTACH PARTITION.";
}
