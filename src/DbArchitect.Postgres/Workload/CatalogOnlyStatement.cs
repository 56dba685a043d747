using System.Text.Json;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// Tells a statement that reads nothing but system catalogs (pg_dump's own queries, drivers loading
/// types, monitoring probes) from the application's workload, by the relations in the server's
/// parse tree: no index of ours can serve it, and it is nobody's workload to tune.
/// </summary>
public static class CatalogOnlyStatement
{
    private static readonly HashSet<string> SystemSchemas = new(StringComparer.Ordinal) { "pg_catalog", "information_schema" };

    /// <summary>True when every relation the statement names is a system catalog; false for no relation or text that does not parse.</summary>
    public static bool IsCatalogOnly(string sql)
    {
        using var tree = PgQuery.TryParse(sql);
        if (tree is null)
        {
            return false;
        }

        var relations = new List<(string? Schema, string Name)>();
        Collect(tree.RootElement, relations);
        return relations.Count > 0 && relations.All(IsSystem);
    }

    private static bool IsSystem((string? Schema, string Name) relation) => relation.Schema is { } schema
        ? SystemSchemas.Contains(schema)
        : relation.Name.StartsWith("pg_", StringComparison.Ordinal);

    private static void Collect(JsonElement element, List<(string? Schema, string Name)> relations)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("RangeVar") && property.Value.TryGetProperty("relname", out var name))
                    {
                        relations.Add((property.Value.TryGetProperty("schemaname", out var schema) ? schema.GetString() : null, name.GetString() ?? ""));
                    }

                    Collect(property.Value, relations);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, relations);
                }

                break;
        }
    }
}
