using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>The parts every plan insight's finding shares: subject, evidence of the node, qualified names.</summary>
internal static class PlanFindings
{
    public static string Subject(PlanInsightContext context, PlanNode node) =>
        node.RelationName is null ? context.StatementId : $"{context.StatementId}/{Qualified(node)}";

    public static string Qualified(PlanNode node) => SqlIdentifier.Qualify(node.Schema ?? "public", node.RelationName ?? "?");

    public static IReadOnlyList<string> Tables(PlanNode node) => node.RelationName is null ? [] : [Qualified(node)];

    public static Evidence Rows(PlanNode node) => new("rows (estimated → actual × loops)",
        FormattableString.Invariant($"{node.PlanRows:N0} → {(node.ActualRows is { } rows ? rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "not run")} × {node.ActualLoops ?? 1:N0}"));

    public static Evidence Statement(PlanInsightContext context) => new("statement", context.ShortStatement);

    public static double ActualTotalRows(PlanNode node) => (node.ActualRows ?? 0) * (node.ActualLoops ?? 1);
}
