namespace DbArchitect.Postgres.Parsing;

/// <summary>A function named in SQL: <c>Schema</c> only when the text qualified it.</summary>
public sealed record FunctionName(string? Schema, string Name)
{
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
