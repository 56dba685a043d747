using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// PUBLIC may create objects in a schema. Any role can then plant a function or operator there
/// that captures calls made by others whose search_path includes the schema (CVE-2018-1058);
/// PostgreSQL 15 stopped granting it on schema public for this reason.
/// </summary>
public sealed class PublicCreateOnSchemaRule : ISchemaRule
{
    public string Id => "public-create-on-schema";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        foreach (var schema in facts.Snapshot.Schemas.Where(s => s.PublicCreate))
        {
            var name = SqlIdentifier.Quote(schema.Name);
            yield return new Finding
            {
                RuleId = Id,
                Subject = $"schema {name}",
                Severity = Severity,
                Area = Area,
                Title = $"Every role may create objects in schema {schema.Name}",
                Rationale = "With CREATE granted to PUBLIC, any role that can log in can add a function, operator or table to the schema; " +
                    "sessions whose search_path includes it may then call the planted object instead of the one they meant. " +
                    "Grant CREATE to the roles that own the schema's objects only.",
                Evidence = [new Evidence("nspacl", "PUBLIC holds CREATE"), new Evidence("owner", schema.Owner)],
                Remedy = new Remedy
                {
                    Kind = ChangeKind.SchemaChange,
                    Strategy = MigrationStrategy.Standard,
                    Up = $"REVOKE CREATE ON SCHEMA {name} FROM PUBLIC;",
                    Down = $"GRANT CREATE ON SCHEMA {name} TO PUBLIC;",
                    PerformanceImpact = "None. Roles other than the owner that created objects in the schema need CREATE granted to them by name.",
                    Testing = $"SELECT has_schema_privilege('public', {SqlIdentifier.Literal(schema.Name)}, 'CREATE') returns false.",
                },
            };
        }
    }
}
