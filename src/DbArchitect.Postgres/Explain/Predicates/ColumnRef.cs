namespace DbArchitect.Postgres.Explain.Predicates;

/// <summary>A column as EXPLAIN VERBOSE prints it: <c>o.status</c>, <c>(c.email)::text</c>, <c>"Order".id</c>.</summary>
public sealed record ColumnRef(string? Alias, string Column);
