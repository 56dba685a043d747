using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Explain.Predicates;

/// <summary>A function an expression EXPLAIN prints calls, e.g. <c>lower((c.email)::text)</c>.</summary>
/// <param name="Name">The function, schema-qualified when the plan printed it so.</param>
/// <param name="Arguments">Each argument as the column it is, read through casts; null for any other argument.</param>
public sealed record FunctionCall(FunctionName Name, IReadOnlyList<ColumnRef?> Arguments);
