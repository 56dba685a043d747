using DbArchitect.Postgres.Explain.Predicates;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// Finds, in a generic plan's scan conditions (Filter, Index Cond, Recheck Cond as EXPLAIN VERBOSE
/// prints them), which column each placeholder is compared with: <c>(o.status = $1)</c>,
/// <c>((c.email)::text ~~ $2)</c>, <c>($3 &lt; o.created_at)</c>, <c>(o.id = ANY ($4))</c>.
/// The conditions are read on the server's parser (<see cref="PredicateParser"/>). A placeholder
/// inside any larger expression (<c>'%' || $1</c>, <c>lower($1)</c>) is left unmapped on purpose:
/// a column's statistics say nothing about such a value.
/// </summary>
public static class PlaceholderComparisons
{
    /// <summary>The first comparison found for each placeholder, by placeholder number.</summary>
    public static IReadOnlyDictionary<int, PlaceholderComparison> Find(PlanNode plan)
    {
        var found = new Dictionary<int, PlaceholderComparison>();
        foreach (var node in plan.DescendantsAndSelf().Where(n => n.RelationName is not null))
        {
            foreach (var condition in new[] { node.IndexCondition, node.RecheckCondition, node.Filter }.OfType<string>())
            {
                foreach (var comparison in InCondition(node, condition))
                {
                    found.TryAdd(comparison.Placeholder, comparison);
                }
            }
        }

        return found;
    }

    private static IEnumerable<PlaceholderComparison> InCondition(PlanNode node, string condition)
    {
        // VERBOSE qualifies columns with the scan's alias; a different qualifier is another relation's column.
        var own = PredicateParser.Parse(condition)
            .Where(c => c.Column.Alias is null || c.Column.Alias == (node.Alias ?? node.RelationName));
        foreach (var comparison in own)
        {
            if (comparison.Operator == "= ANY")
            {
                // "= ANY ($1)" takes an array for the placeholder; an IN list is ARRAY[$1, $2], each one value.
                if (comparison.Placeholder is { } array)
                {
                    yield return Comparison(node, comparison, array, ComparisonOperator.EqualAny);
                }

                foreach (var element in comparison.PlaceholderArray)
                {
                    yield return Comparison(node, comparison, element, ComparisonOperator.Equal);
                }
            }
            else if (comparison.Placeholder is { } placeholder && Operator(comparison.Operator) is { } op)
            {
                yield return Comparison(node, comparison, placeholder, op);
            }
        }
    }

    private static PlaceholderComparison Comparison(PlanNode node, Comparison comparison, int placeholder, ComparisonOperator op) =>
        new(placeholder, node.Schema ?? "public", node.RelationName!, comparison.Column.Column, op);

    // Operators whose placeholder a column's statistics can stand for; "<>" and "!~~" select
    // nearly everything whatever the value.
    private static ComparisonOperator? Operator(string op) => op switch
    {
        "=" => ComparisonOperator.Equal,
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        ">=" => ComparisonOperator.GreaterOrEqual,
        "~~" => ComparisonOperator.Like,
        "~~*" => ComparisonOperator.ILike,
        _ => null,
    };
}
