using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Explain.Predicates;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>
/// A scan filtered by a function of a column (<c>lower(email) = …</c>): no plain index on the
/// column can serve it, an expression index can. The filter is read on the server's parser: the
/// first call of a function below whose one argument is a column, through casts
/// (<c>lower((email)::text)</c>).
/// </summary>
public sealed class NonSargablePredicateInsight : IPlanInsight
{
    public const string InsightId = "non-sargable-predicate";

    // One-argument functions only: the key below is the function of the bare column. (The server
    // reads TRIM(x) as btrim(x), and date_trunc takes two arguments.)
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal) { "lower", "upper", "btrim", "date", "md5", "abs" };

    public string Id => InsightId;

    public IEnumerable<Finding> Evaluate(PlanInsightContext context)
    {
        foreach (var node in context.Result.Plan.DescendantsAndSelf().Where(n => n.NodeType == "Seq Scan" && n.Filter is not null && n.RelationName is not null))
        {
            var call = PredicateParser.Calls(node.Filter!)?.FirstOrDefault(c => Functions.Contains(c.Name.Name) && c.Arguments is [not null]);
            if (call is null || context.TableOf(node) is { EstimatedRows: var rows } && rows < context.LargeTableRows)
            {
                continue;
            }

            var function = call.Name.Name;
            var column = SqlIdentifier.Quote(call.Arguments[0]!.Column);
            var expression = $"({function}({column}))";
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
}
