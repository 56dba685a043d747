using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// ALTER TABLE … ALTER COLUMN … TYPE for several columns of one table in a single statement (one
/// rewrite, not one per column), and its inverse back to each column's current type.
/// </summary>
internal static class ColumnTypeChange
{
    /// <summary>
    /// <paramref name="newType"/> is SQL such as <c>timestamptz</c>; the USING builders get the quoted
    /// column name and may be null where an implicit cast is enough.
    /// </summary>
    public static (string Up, string Down) For(
        TableInfo table,
        IReadOnlyList<ColumnInfo> columns,
        string newType,
        Func<string, string>? forwardUsing = null,
        Func<string, string>? backwardUsing = null)
    {
        var up = columns.Select(c => Clause(c, newType, forwardUsing));
        var down = columns.Select(c => Clause(c, c.DataType, backwardUsing));
        return (Statement(table, up), Statement(table, down));
    }

    /// <summary>
    /// The change as a schema-change remedy, run as one statement each way; <c>rewrites</c> says the
    /// new type is not binary-compatible, so PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock.
    /// </summary>
    public static Remedy InPlaceRemedy(string up, string down, bool rewrites, string performanceImpact, string testing) => new()
    {
        Kind = ChangeKind.SchemaChange,
        Strategy = rewrites ? MigrationStrategy.TableRewrite : MigrationStrategy.Standard,
        Up = up,
        Down = down,
        PerformanceImpact = performanceImpact,
        Testing = testing,
    };

    private static string Clause(ColumnInfo column, string type, Func<string, string>? usingExpression)
    {
        var name = SqlIdentifier.Quote(column.Name);
        return usingExpression is null
            ? $"ALTER COLUMN {name} TYPE {type}"
            : $"ALTER COLUMN {name} TYPE {type} USING {usingExpression(name)}";
    }

    private static string Statement(TableInfo table, IEnumerable<string> clauses) =>
        $"ALTER TABLE {table.QualifiedName}\n    {string.Join(",\n    ", clauses)};";
}
