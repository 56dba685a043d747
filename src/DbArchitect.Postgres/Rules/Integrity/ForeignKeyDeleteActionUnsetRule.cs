using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Integrity;

/// <summary>
/// Foreign keys left at the default ON DELETE NO ACTION. Often right, but often just unconsidered:
/// one informational finding per database lists them so the cascade rules get decided on purpose.
/// </summary>
public sealed class ForeignKeyDeleteActionUnsetRule : ISchemaRule
{
    public string Id => "fk-delete-action-unset";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Info;
    public QaStatement QaStatements => QaStatement.KeysAndConstraints;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var tables = facts.Snapshot.Tables.ToDictionary(t => t.Oid);
        var unset = facts.Snapshot.Constraints
            .Where(c => c.Kind == ConstraintKind.ForeignKey
                && c.OnDelete is null or "NO ACTION"
                && !(tables.TryGetValue(c.TableOid, out var table) && table.IsPartition))
            .OrderBy(c => c.Schema, StringComparer.Ordinal).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        if (unset.Count == 0)
        {
            return [];
        }

        var total = facts.Snapshot.Constraints.Count(c => c.Kind == ConstraintKind.ForeignKey);
        var names = unset.Select(c => $"{SqlIdentifier.Qualify(c.Schema, c.Table)}.{SqlIdentifier.Quote(c.Name)}").ToList();
        return
        [
            new Finding
            {
                RuleId = Id,
                Subject = DatabaseSubject.Of(facts),
                Severity = Severity,
                Area = Area,
                Title = $"{unset.Count} of {total} foreign keys leave ON DELETE unspecified (NO ACTION)",
                Rationale = "NO ACTION refuses to delete a parent that still has children. Decide per relationship whether children " +
                    "should go with the parent (CASCADE), be detached (SET NULL) or block the delete (RESTRICT, stated on purpose).",
                Evidence =
                [
                    new Evidence("foreign keys with ON DELETE NO ACTION", $"{MeasureText.Count(unset.Count)} of {MeasureText.Count(total)}"),
                    new Evidence("foreign keys", ManyObjects.List(names)),
                ],
                Tables = [.. unset.Select(c => SqlIdentifier.Qualify(c.Schema, c.Table)).Distinct(StringComparer.Ordinal)],
            },
        ];
    }
}
