namespace DbArchitect.Postgres.Parsing;

/// <summary>How reserved a keyword is, as PostgreSQL's kwlist.h ranks it (libpg_query's <c>KeywordKind</c>).</summary>
public enum KeywordKind
{
    /// <summary>Not a keyword.</summary>
    None = 0,
    Unreserved = 1,
    ColumnName = 2,
    TypeOrFunctionName = 3,
    Reserved = 4,
}
