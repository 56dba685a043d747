using DbArchitect.Core.Validation;

namespace DbArchitect.Postgres.Validation;

/// <summary>Scripts as the PostgreSQL lexer reads them (<see cref="SqlScript.Split"/>): comments are not statements.</summary>
public sealed class PostgresScripts : ISqlScriptReader
{
    public static PostgresScripts Instance { get; } = new();

    public bool HasNoStatement(string sql) => SqlScript.Split(sql).Count == 0;
}
