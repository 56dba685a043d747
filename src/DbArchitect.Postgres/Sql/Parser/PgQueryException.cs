namespace DbArchitect.Postgres.Sql.Parser;

/// <summary>The PostgreSQL parser rejected the text, or the parser library is not installed.</summary>
public sealed class PgQueryException(string message, Exception? inner = null) : Exception(message, inner);
