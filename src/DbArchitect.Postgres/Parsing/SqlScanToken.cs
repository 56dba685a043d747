namespace DbArchitect.Postgres.Parsing;

/// <summary>One token of the server's lexer, comments included, at its place in the text.</summary>
/// <param name="Start">Offset into the text (chars, not bytes).</param>
/// <param name="Length">Length in chars.</param>
/// <param name="Token">
/// libpg_query's <c>Token</c> number: a single-character token is its character code (';' is 59),
/// the rest are the grammar's (<see cref="Identifier"/>, <see cref="SqlComment"/>, …).
/// </param>
/// <param name="Keyword">Whether, and how strongly, the token is a keyword.</param>
/// <param name="Text">The token as written.</param>
public sealed record SqlScanToken(int Start, int Length, int Token, KeywordKind Keyword, string Text)
{
    /// <summary>An identifier that is not a keyword, quoted or not (IDENT).</summary>
    public const int Identifier = 258;

    /// <summary>An integer (ICONST).</summary>
    public const int Integer = 266;

    /// <summary>A <c>$n</c> placeholder (PARAM).</summary>
    public const int Param = 267;

    /// <summary>A <c>-- …</c> comment, without its line end (SQL_COMMENT).</summary>
    public const int SqlComment = 275;

    /// <summary>A <c>/* … */</c> comment, nested ones included (C_COMMENT).</summary>
    public const int CComment = 276;

    public bool IsComment => Token is SqlComment or CComment;

    /// <summary>An identifier or keyword as the server resolves it as a name: a quoted one as written, an unquoted one folded to lower case.</summary>
    public string Name => Text.StartsWith('"') ? Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : Text.ToLowerInvariant();

    /// <summary>
    /// A number or a string as the lexer reads them: FCONST, SCONST (quoted, E'…' and dollar-quoted),
    /// USCONST (U&amp;'…'), BCONST, XCONST, ICONST. A minus sign before a number is a token of its own.
    /// </summary>
    public bool IsConstant => Token is 260 or 261 or 262 or 263 or 264 or Integer;
}
