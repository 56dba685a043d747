namespace DbArchitect.Core.Validation.Rules;

/// <summary>The semantic rules, in the order their errors are reported.</summary>
internal static class TodoRules
{
    public static IReadOnlyList<ITodoRule> All { get; } =
    [
        new WellFormedUniqueIdsRule(),
        new PlanMembershipRule(),
        new AreaNumberRule(),
        new SqlAndRollbackRule(),
        new ReferencedObjectsExistRule(),
        new RequiredFindingsCoveredRule(),
        new QaEvidenceRule(),
    ];
}
