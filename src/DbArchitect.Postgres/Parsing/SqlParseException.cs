namespace DbArchitect.Postgres.Parsing;

/// <summary>The PostgreSQL parser (or its scanner) rejected the text.</summary>
public sealed class SqlParseException : Exception
{
    public SqlParseException(string serverMessage, int position)
        : base(position > 0 ? $"{serverMessage} at character {position}" : serverMessage)
    {
        ServerMessage = serverMessage;
        Position = position;
    }

    /// <summary>The parser's own words, e.g. <c>syntax error at or near "SELEC"</c>.</summary>
    public string ServerMessage { get; }

    /// <summary>1-based position of the offending character in the text (<c>text[Position - 1]</c>), or 0 when the parser gave none.</summary>
    public int Position { get; }
}
