using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using Npgsql;

namespace DbArchitect.Benchmarks.Advisor;

/// <summary>
/// What the benchmark needs from one plan taken in a hypothetical-index session: its total cost,
/// the hypothetical indexes it uses (by oid) and the tables it reads.
/// </summary>
internal sealed partial record StatementPlan(double? Cost, IReadOnlySet<uint> HypotheticalIndexesUsed, IReadOnlySet<string> Tables, string? Error)
{
    public static async Task<StatementPlan> PlanAsync(HypotheticalIndexSession session, string statement, CancellationToken cancellationToken)
    {
        ExplainResult explained;
        try
        {
            explained = await session.PlanAsync(statement, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ExplainRefusedException or PostgresException)
        {
            return new StatementPlan(null, new HashSet<uint>(), new HashSet<string>(), e.Message);
        }

        var nodes = explained.Plan.DescendantsAndSelf().ToList();
        var used = nodes
            .Select(node => node.IndexName is { } name ? HypotheticalOid().Match(name) : Match.Empty)
            .Where(match => match.Success)
            .Select(match => uint.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToHashSet();
        var tables = nodes
            .Where(node => node.RelationName is not null && node.Schema is not null)
            .Select(node => SqlIdentifier.Qualify(node.Schema!, node.RelationName!))
            .ToHashSet(StringComparer.Ordinal);
        return new StatementPlan(explained.Plan.TotalCost, used, tables, null);
    }

    // hypopg names its indexes "<oid>btree_table_column" in plans.
    [GeneratedRegex(@"^<([0-9]+)>")]
    private static partial Regex HypotheticalOid();
}
