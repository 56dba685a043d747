namespace DbArchitect.Postgres.Sql;

internal enum SqlTokenKind
{
    Word,
    QuotedIdentifier,
    StringLiteral,
    Number,

    /// <summary><c>$n</c>.</summary>
    Placeholder,
    OpenParenthesis,
    CloseParenthesis,
    Semicolon,

    /// <summary>Any other single character: operators, commas, dots.</summary>
    Symbol,
}

/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token as written (a string literal with its quotes).</param>
/// <param name="Start">Offset in the statement text.</param>
/// <param name="Depth">Parentheses open around the token; a parenthesis has the depth of what surrounds it.</param>
internal sealed record SqlToken(SqlTokenKind Kind, string Text, int Start, int Depth)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);
}
