using DbArchitect.Postgres.Rules.Design;
using DbArchitect.Postgres.Rules.Naming;
using DbArchitect.Postgres.Rules.Schema;
using DbArchitect.Postgres.Rules.Types;

namespace DbArchitect.Postgres.Rules;

/// <summary>Schema design, data types, naming, normalisation and partitioning rules.</summary>
internal static class DesignRules
{
    public static IReadOnlyList<ISchemaRule> All { get; } =
    [
        new MissingPrimaryKeyRule(),
        new MissingAuditTimestampsRule(),
        new TenantTableWithoutRowSecurityRule(),
        new Varchar255HabitRule(),
        new TimestampWithoutTimeZoneRule(),
        new JsonInsteadOfJsonbRule(),
        new FloatForMoneyRule(),
        new SerialInsteadOfIdentityRule(),
        new IntegerKeyExhaustionRule(),
        new EnumLikeTextRule(),
        new CharColumnRule(),
        new NotSnakeCaseRule(),
        new SingularTableNameRule(),
        new QuotedIdentifierRule(),
        new RepeatingColumnGroupRule(),
        new DelimitedListColumnRule(),
        new TransitiveDependencyRule(),
        new DenormalisedCopyRule(),
        new RangePartitioningCandidateRule(),
        new BrinIndexCandidateRule(),
    ];
}
