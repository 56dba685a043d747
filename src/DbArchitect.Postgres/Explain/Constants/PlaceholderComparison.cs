namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>How a placeholder is compared with a column, written with the column on the left.</summary>
public enum ComparisonOperator
{
    Equal,

    /// <summary><c>column = ANY ($n)</c>: the placeholder is an array of values.</summary>
    EqualAny,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Like,
    ILike,
}

/// <summary>One placeholder of a statement and the table column its plan compares it with.</summary>
public sealed record PlaceholderComparison(int Placeholder, string Schema, string Table, string Column, ComparisonOperator Operator)
{
    public string QualifiedColumn => $"{Catalog.SqlIdentifier.Qualify(Schema, Table)}.{Catalog.SqlIdentifier.Quote(Column)}";

    /// <summary>True for <c>column &gt; $n</c> and <c>column &gt;= $n</c>: the placeholder bounds the range from below.</summary>
    public bool IsLowerBound => Operator is ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual;

    public bool IsUpperBound => Operator is ComparisonOperator.Less or ComparisonOperator.LessOrEqual;

    public bool IsPattern => Operator is ComparisonOperator.Like or ComparisonOperator.ILike;
}
