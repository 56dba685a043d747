using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Rules;

namespace DbArchitect.Evals;

/// <summary>
/// Findings are graded per rule family, and a family is the rule's folder under
/// src/DbArchitect.Postgres/Rules (its namespace). Findings of the workload stage have no folder
/// there: the index advisor's are "Advisor", every other (plan insights, query shape, N+1,
/// skewed parameters) is "Plans".
/// </summary>
internal static class RuleFamilies
{
    public const string Configuration = "Configuration";
    public const string Plans = "Plans";
    public const string Advisor = "Advisor";

    public static IReadOnlyList<string> InOrder { get; } = ["Schema", "Types", "Naming", "Design", "Indexes", "Integrity", "Health", Configuration, "Security", Plans, Advisor];

    private static readonly Dictionary<string, string> FolderOfRule = RuleCatalog.All.ToDictionary(
        rule => rule.Id,
        rule => rule.GetType().Namespace!.Split('.')[^1],
        StringComparer.Ordinal);

    public static string Of(string ruleId) =>
        FolderOfRule.TryGetValue(ruleId, out var folder) ? folder
        : ruleId.StartsWith(AdvisorFindings.RecommendId, StringComparison.Ordinal) ? Advisor
        : Plans;
}
