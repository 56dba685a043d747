using System.Text.Json;
using DbArchitect.Core.Migrations;

namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// One statement of a migration as the server's parser reads it, with what came before it in the
/// same migration: whether a transaction is open, whether a lock timeout was set, which relations
/// this migration created (an index on a table created a line above blocks nobody).
/// </summary>
public sealed record MigrationStatement
{
    public required Migration Migration { get; init; }

    /// <summary>1-based line in the file.</summary>
    public required int Line { get; init; }

    public required string Text { get; init; }

    /// <summary>The parse tree node's type, e.g. <c>IndexStmt</c>, <c>AlterTableStmt</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The node under its type.</summary>
    public required JsonElement Node { get; init; }

    public bool InTransaction { get; init; }

    public bool LockTimeoutSet { get; init; }

    /// <summary>Relations created earlier in this migration (as <see cref="RelationName"/> gives them).</summary>
    public IReadOnlySet<string> CreatedHere { get; init; } = new HashSet<string>();

    /// <summary>Columns given a validated <c>CHECK (column IS NOT NULL)</c> earlier in this migration, as <c>table.column</c>.</summary>
    public IReadOnlySet<string> NotNullChecked { get; init; } = new HashSet<string>();

    /// <summary>Whether this is the migration's first statement: findings about the migration as a whole are reported there.</summary>
    public bool IsFirst { get; init; }

    /// <summary>Whether the migration changes the schema anywhere (so large DML in it shares the DDL's transaction and locks).</summary>
    public bool MigrationChangesSchema { get; init; }

    /// <summary>Which migrations of the chain create each relation.</summary>
    public ChainCreations Chain { get; init; } = ChainCreations.None;

    /// <summary>This migration's index in its chain.</summary>
    public int MigrationIndex { get; init; }

    /// <summary>Whether only migrations after this one create the relation (none before it does).</summary>
    public bool CreatedLater(string relation) => Chain.CreatedLater(relation, MigrationIndex);

    /// <summary>The relation a statement acts on is one that already exists, so its rows and its readers are real.</summary>
    public bool IsExisting(string relation) => !CreatedHere.Contains(relation);

    /// <summary>A RangeVar as written: <c>schema.name</c> or <c>name</c>.</summary>
    public static string RelationName(JsonElement rangeVar) =>
        rangeVar.TryGetProperty("schemaname", out var schema) ? $"{schema.GetString()}.{rangeVar.GetProperty("relname").GetString()}" : rangeVar.GetProperty("relname").GetString()!;

    public static string? StringOf(JsonElement node, string property) => node.TryGetProperty(property, out var value) ? value.GetString() : null;

    public static bool Flag(JsonElement node, string property) => Parsing.ParseTreeNodes.Flag(node, property);

    public static IEnumerable<JsonElement> Items(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
