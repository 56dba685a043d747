using System.Globalization;

namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>A plan reduced to what makes two plans different plans: node types, indexes and relations, not costs.</summary>
public static class PlanShape
{
    public static string Of(PlanNode plan) => string.Join(" → ", plan.DescendantsAndSelf().Select(Node));

    /// <summary>The shape with its total cost, for evidence.</summary>
    public static string WithCost(PlanNode plan) =>
        $"{Of(plan)} (cost {plan.TotalCost.ToString("N2", CultureInfo.InvariantCulture)})";

    private static string Node(PlanNode node) =>
        node.NodeType
        + (node.IndexName is { } index ? $" using {index}" : "")
        + (node.RelationName is { } relation ? $" on {relation}" : "");
}
