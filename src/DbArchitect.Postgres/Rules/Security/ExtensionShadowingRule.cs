using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// An extension in schema public whose functions have exact twins (same name, same argument
/// types) in pg_catalog or another schema on the search_path: which one a call runs then depends
/// on each caller's search_path order, and whoever may create in public can add more. Only exact
/// twins count, to stay clear of the overloads extensions such as citext add on purpose.
/// </summary>
public sealed class ExtensionShadowingRule : ISchemaRule
{
    private const string TargetSchema = "extensions";

    public string Id => "extension-shadows-functions";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Low;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        foreach (var extension in facts.Snapshot.Extensions.Where(e => e.Installed && e.Schema == "public" && e.ShadowingFunctions.Count > 0))
        {
            var name = SqlIdentifier.Quote(extension.Name);
            yield return new Finding
            {
                RuleId = Id,
                Subject = $"extension {name}",
                Severity = Severity,
                Area = Area,
                Title = $"Extension {extension.Name} in schema public has functions that also exist elsewhere on the search_path",
                Rationale = "Two functions with the same name and argument types on one search_path are told apart only by the path's order: " +
                    "a session that lists public before pg_catalog, or another schema after public, silently runs the other one. " +
                    "Extensions belong in their own schema, which callers add to search_path on purpose.",
                Evidence =
                [
                    new Evidence("schema", "public"),
                    new Evidence("functions with a twin", ManyObjects.List(extension.ShadowingFunctions.ToList())),
                ],
                // A non-relocatable extension moves only by DROP and CREATE, which takes its dependent objects with it.
                Remedy = extension.Relocatable ? Move(extension.Name) : null,
            };
        }
    }

    private static Remedy Move(string extension) => new()
    {
        Kind = ChangeKind.SchemaChange,
        Strategy = MigrationStrategy.Standard,
        Up = $"CREATE SCHEMA IF NOT EXISTS {TargetSchema};\nALTER EXTENSION {SqlIdentifier.Quote(extension)} SET SCHEMA {TargetSchema};",

        // The schema stays: other extensions may have been moved into it meanwhile.
        Down = $"ALTER EXTENSION {SqlIdentifier.Quote(extension)} SET SCHEMA public;",
        PerformanceImpact = $"None on the server. Callers that use the functions unqualified need {TargetSchema} on their search_path " +
            $"(ALTER ROLE app SET search_path = \"$user\", public, {TargetSchema}) or qualified calls.",
        Testing = $"SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = {SqlIdentifier.Literal(extension)} returns {TargetSchema}.",
    };
}
