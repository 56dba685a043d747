using System.Text.Json;

namespace DbArchitect.Postgres.Migrations;

/// <summary>Statements with CONCURRENTLY (CREATE/DROP INDEX, REINDEX): PostgreSQL refuses them inside a transaction block.</summary>
public static class ConcurrentStatements
{
    public static bool IsConcurrent(string type, JsonElement node) =>
        type is "IndexStmt" or "DropStmt" or "ReindexStmt" && (MigrationStatement.Flag(node, "concurrent")
            || MigrationStatement.Items(node, "params").Any(p => p.TryGetProperty("DefElem", out var option) && option.GetProperty("defname").GetString() == "concurrently"));

    /// <summary>
    /// Flyway runs a migration outside a transaction when every statement in it must run so
    /// (a SET beside them is fine); one that mixes them with others it refuses unless mixed=true.
    /// </summary>
    public static bool FlywayRunsWithoutTransaction(IEnumerable<ParsedStatement> statements) =>
        statements.Any(s => IsConcurrent(s.Type, s.Node)) && statements.All(s => IsConcurrent(s.Type, s.Node) || s.Type == "VariableSetStmt");
}
