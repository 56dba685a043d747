using DbArchitect.Core.Findings;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// What a TODO document is validated against, the same for the deterministic planner's document
/// and the model's: the objects of this database, the findings every valid plan must carry (high
/// and critical ones with a remedy), and the checker that runs its SQL on the scratch copy.
/// </summary>
public static class ValidationContexts
{
    public static ValidationContext For(CatalogSnapshot snapshot, IEnumerable<Finding> findings, ISqlChecker? sqlChecker) => new()
    {
        KnownObjects = KnownObjects.From(snapshot),
        RequiredFindingKeys = [.. findings.Where(f => f.Severity >= Severity.High && f.Remedy is not null).Select(f => f.Key)],
        Scripts = PostgresScripts.Instance,
        SqlChecker = sqlChecker,
    };
}
