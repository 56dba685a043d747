namespace DbArchitect.Postgres.Explain.Predicates;

/// <summary>
/// A comparison whose compared side is an expression over columns of one table, such as
/// <c>(e.payload -&gt;&gt; 'session'::text) = $1</c> or <c>lower(c.email) = $1</c>: no index on
/// the columns serves it, an index on the expression does (when its functions are immutable,
/// which the server decides when the index is made).
/// </summary>
/// <param name="Columns">The columns the expression reads, with the alias they carry in the plan.</param>
/// <param name="Key">The expression as an index key: without the plan's aliases, parenthesised unless it is a bare function call (the form pg_get_indexdef prints).</param>
/// <param name="Operator">The comparison operator, read with the expression on the left.</param>
/// <param name="Other">The constant or parameter it is compared with.</param>
public sealed record ExpressionComparison(IReadOnlyList<ColumnRef> Columns, string Key, string Operator, string Other)
{
    /// <summary>A B-tree on the expression serves equality and ranges.</summary>
    public bool IsBTreeServed => Operator is "=" or "= ANY" or "<" or "<=" or ">" or ">=";
}
