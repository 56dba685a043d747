using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>
/// A scan filtered by a function of a column (<c>lower(email) = …</c>): no plain index on the
/// column can serve it, an expression index can.
/// </summary>
public sealed partial class NonSargablePredicateInsight : IPlanInsight
{
    public const string InsightId = "non-sargable-predicate";

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf().Where(n => n.NodeType == "Seq Scan" && n.Filter is not null && n.RelationName is not null))
        {
            var match = FunctionOfColumn().Match(node.Filter!);
            if (!match.Success || context.TableOf(node) is { EstimatedRows: var rows } && rows < context.LargeTableRows)
            {
                continue;
            }

            var function = match.Groups["fn"].Value;
            var column = match.Groups["col"].Value;
            var expression = $"({function}({Catalog.SqlIdentifier.Quote(column.Trim('"'))}))";
            yield return new Finding
            {
                RuleId = Id,
                Subject = PlanFindings.Subject(context, node),
                Severity = Severity.Medium,
                Area = FindingArea.QueryOptimization,
                Title = $"Filter applies {function}() to {column} on {PlanFindings.Qualified(node)}, so no index on the column can be used",
                Rationale = "An index stores column values, not function results. Either index the expression, or rewrite the predicate so the bare column is compared (for example a range on the column instead of date_trunc of it).",
                Evidence = [PlanFindings.Statement(context), new("filter", node.Filter!), PlanFindings.Rows(node)],
                Tables = PlanFindings.Tables(node),
                Remedy = IndexProposal.Create(node, [expression], context.Catalog),
            };
        }
    }

    [GeneratedRegex("""\b(?<fn>lower|upper|btrim|trim|date|date_trunc|md5|abs)\((?:[A-Za-z_][A-Za-z0-9_]*\.)?(?<col>[a-z_][a-z0-9_]*|"[^"]+")\)""")]
    private static partial Regex FunctionOfColumn();
}
