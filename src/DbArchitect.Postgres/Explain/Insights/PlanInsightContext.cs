using System.Security.Cryptography;
using System.Text;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Explain.Insights;

/// <summary>A plan, the statement behind it, and (when available) the catalog for table sizes and indexes.</summary>
public sealed record PlanInsightContext
{
    public required ExplainResult Result { get; init; }
    public CatalogSnapshot? Catalog { get; init; }

    /// <summary>Rows at which a table counts as large when the catalog is unknown. Default 10,000.</summary>
    public long LargeTableRows { get; init; } = 10_000;

    /// <summary>Short stable fingerprint of the statement text (whitespace-insensitive), for finding keys.</summary>
    public string StatementId
    {
        get
        {
            var normalized = string.Join(' ', Result.Statement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return "q" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..10];
        }
    }

    /// <summary>The table a scan node reads, as it appears in the catalog, or null.</summary>
    public TableInfo? TableOf(PlanNode node) =>
        node.RelationName is null || Catalog is null
            ? null
            : Catalog.Tables.FirstOrDefault(t => t.Name == node.RelationName && (node.Schema is null || t.Schema == node.Schema));

    /// <summary>The statement shortened for titles.</summary>
    public string ShortStatement => Workload.SqlText.OneLine(Result.Statement);
}
