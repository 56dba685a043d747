using System.Globalization;
using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>
/// Finds, in a generic plan's scan conditions (Filter, Index Cond, Recheck Cond as EXPLAIN VERBOSE
/// prints them), which column each placeholder is compared with: <c>(o.status = $1)</c>,
/// <c>((c.email)::text ~~ $2)</c>, <c>($3 &lt; o.created_at)</c>, <c>(o.id = ANY ($4))</c>.
/// A placeholder inside any larger expression (<c>'%' || $1</c>, <c>lower($1)</c>) is left
/// unmapped on purpose: a column's statistics say nothing about such a value.
/// </summary>
public static partial class PlaceholderComparisons
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
        foreach (Match match in ColumnFirst().Matches(condition))
        {
            if (Column(node, match) is { } column)
            {
                yield return Comparison(node, column, Number(match.Groups["param"].Value), Operator(match.Groups["op"].Value, flipped: false));
            }
        }

        foreach (Match match in PlaceholderFirst().Matches(condition))
        {
            if (Column(node, match) is { } column)
            {
                yield return Comparison(node, column, Number(match.Groups["param"].Value), Operator(match.Groups["op"].Value, flipped: true));
            }
        }

        foreach (Match match in AnyOf().Matches(condition))
        {
            if (Column(node, match) is not { } column)
            {
                continue;
            }

            var single = match.Groups["array"].Success;
            foreach (Capture capture in match.Groups["param"].Captures)
            {
                yield return Comparison(node, column, Number(capture.Value), single ? ComparisonOperator.EqualAny : ComparisonOperator.Equal);
            }
        }
    }

    private static PlaceholderComparison Comparison(PlanNode node, string column, int placeholder, ComparisonOperator op) =>
        new(placeholder, node.Schema ?? "public", node.RelationName!, column, op);

    // VERBOSE qualifies columns with the scan's alias; a different qualifier is another relation's column.
    private static string? Column(PlanNode node, Match match)
    {
        var qualifier = match.Groups["qual"];
        if (qualifier.Success && Unquote(qualifier.Value) != (node.Alias ?? node.RelationName))
        {
            return null;
        }

        return Unquote(match.Groups["col"].Value);
    }

    private static string Unquote(string identifier) =>
        identifier.StartsWith('"') ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    private static int Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static ComparisonOperator Operator(string op, bool flipped) => op switch
    {
        "=" => ComparisonOperator.Equal,
        "<" => flipped ? ComparisonOperator.Greater : ComparisonOperator.Less,
        "<=" => flipped ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.LessOrEqual,
        ">" => flipped ? ComparisonOperator.Less : ComparisonOperator.Greater,
        ">=" => flipped ? ComparisonOperator.LessOrEqual : ComparisonOperator.GreaterOrEqual,
        "~~" => ComparisonOperator.Like,
        "~~*" => ComparisonOperator.ILike,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "operator the comparison patterns do not match"),
    };

    // Building blocks, composed below: an identifier, a type name as a cast prints it, a column
    // (optionally alias-qualified, optionally cast) and a placeholder (optionally cast).
    private const string Identifier = """(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)""";
    private const string TypeName = """(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_]*)(?: [a-z_][a-z0-9_]*)*(?:\(\d+(?:,\d+)?\))?(?:\[\])?""";
    private const string QualifiedColumn = "(?:(?<qual>" + Identifier + @")\.)?(?<col>" + Identifier + ")";
    private const string ColumnOperand = @"(?:\(" + QualifiedColumn + @"\)::" + TypeName + "|" + QualifiedColumn + ")";
    private const string Param = @"(?:\$(?<param>\d+)|\(\$(?<param>\d+)\)::" + TypeName + ")";
    private const string Op = @"(?<op>=|<=|>=|<|>|~~\*|~~)";

    [GeneratedRegex(@"\(" + ColumnOperand + @"\s+" + Op + @"\s+" + Param + @"\)")]
    private static partial Regex ColumnFirst();

    [GeneratedRegex(@"\(" + Param + @"\s+" + Op + @"\s+" + ColumnOperand + @"\)")]
    private static partial Regex PlaceholderFirst();

    [GeneratedRegex(@"\(" + ColumnOperand + @"\s+=\s+ANY\s+\((?:(?<array>" + Param + @")|ARRAY\[" + Param + @"(?:,\s*" + Param + @")*\])\)\)")]
    private static partial Regex AnyOf();
}
