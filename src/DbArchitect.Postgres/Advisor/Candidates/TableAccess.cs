using DbArchitect.Postgres.Explain.Predicates;

namespace DbArchitect.Postgres.Advisor.Candidates;

/// <summary>
/// How one statement reads one table, gathered from its plan: the comparisons on its columns, the
/// join keys, the comparisons on expressions, and the sort, group and used columns an index could serve.
/// </summary>
public sealed record TableAccess
{
    public required string Schema { get; init; }
    public required string Table { get; init; }
    public IReadOnlyList<Comparison> Comparisons { get; init; } = [];
    public IReadOnlyList<string> JoinColumns { get; init; } = [];

    /// <summary>ORDER BY columns with their direction, when every sort key is a column of this table.</summary>
    public IReadOnlyList<(string Column, bool Descending)> SortColumns { get; init; } = [];
    public IReadOnlyList<string> GroupColumns { get; init; } = [];

    /// <summary>Comparisons of an expression over this table's columns with a constant or parameter: only an index on the expression serves them.</summary>
    public IReadOnlyList<ExpressionComparison> ExpressionComparisons { get; init; } = [];

    /// <summary>
    /// Every column of this table the statement uses (returns, filters, joins, sorts or groups on,
    /// <see cref="ColumnUse"/>): an index holding all of them serves an index-only scan.
    /// </summary>
    public IReadOnlyList<string> UsedColumns { get; init; } = [];
}
