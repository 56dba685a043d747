using DbArchitect.Postgres.Rules.Configuration;
using DbArchitect.Postgres.Rules.Health;
using DbArchitect.Postgres.Rules.Indexes;
using DbArchitect.Postgres.Rules.Integrity;

namespace DbArchitect.Postgres.Rules;

/// <summary>Index, integrity, health and configuration rules.</summary>
internal static class OperationalRules
{
    public static IReadOnlyList<ISchemaRule> All { get; } =
    [
        new ForeignKeyWithoutIndexRule(),
        new DuplicateIndexRule(),
        new RedundantIndexRule(),
        new InvalidIndexRule(),
        new UnusedIndexRule(),
        new LargeTableWithoutIndexRule(),
        new IndexBloatRule(),
        new PartitionMissingParentIndexRule(),

        new ConstraintNotValidatedRule(),
        new ForeignKeyDeleteActionUnsetRule(),
        new NullableForeignKeyColumnRule(),

        new DeadTuplesRule(),
        new StaleStatisticsRule(),
        new TransactionIdWraparoundRule(),
        new SequenceNearExhaustionRule(),
        new PartitionRangeEndingRule(),
        new CacheHitRateRule(),
        new ConnectionUtilisationRule(),
        new IdleInTransactionRule(),
        new ReplicationSlotRetainingWalRule(),

        new SharedBuffersTooSmallRule(),
        new WorkMemRule(),
        new MaxConnectionsHighRule(),
        new AutovacuumDisabledRule(),
        new PgStatStatementsMissingRule(),
        new SlowQueryLoggingDisabledRule(),
    ];
}
