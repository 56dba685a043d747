using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations.Lint;

/// <summary>A column added with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval) makes PostgreSQL rewrite the table under ACCESS EXCLUSIVE.</summary>
public sealed class VolatileDefaultRule : IMigrationRule
{
    public string Id => "volatile-default";

    public FindingArea Area => FindingArea.Migrations;

    public Severity Severity => Severity.High;

    // Volatile functions migrations put in defaults; a stable one such as now() is evaluated once and rewrites nothing.
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal) { "random", "gen_random_uuid", "uuid_generate_v4", "uuid_generate_v1", "clock_timestamp", "timeofday", "nextval", "txid_current" };

    public IEnumerable<Finding> Evaluate(MigrationStatement facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Type != "AlterTableStmt" || !facts.IsExisting(AlterCommands.Table(facts)))
        {
            yield break;
        }

        foreach (var column in ColumnDefinitions.Of(facts))
        {
            var serial = column.Type is "serial" or "bigserial" or "smallserial" or "serial4" or "serial8";
            var function = ColumnDefinitions.Constraints(column)
                .Where(c => MigrationStatement.StringOf(c, "contype") == "CONSTR_DEFAULT" && c.TryGetProperty("raw_expr", out _))
                .SelectMany(c => Parsing.ParseTreeNodes.OfType(c.GetProperty("raw_expr"), "FuncCall"))
                .Select(call => MigrationStatement.Items(call, "funcname").Last().GetProperty("String").GetProperty("sval").GetString())
                .FirstOrDefault(name => name is not null && Volatile.Contains(name));
            if (function is not null || serial)
            {
                var what = serial ? $"a {column.Type} (nextval default)" : $"{function}()";
                yield return MigrationFindings.Of(this, facts, $"{column.Table}.{column.Name}", $"Column {column.Table}.{column.Name} added with a volatile default, {what}",
                    "Every existing row needs its own value, so PostgreSQL rewrites the whole table and its indexes while holding ACCESS EXCLUSIVE.",
                    LockModes.AccessExclusive,
                    $"ALTER TABLE {column.Table} ADD COLUMN {column.Name} <type>; then ALTER TABLE {column.Table} ALTER COLUMN {column.Name} SET DEFAULT …; (new rows), and backfill existing rows in batches of a few thousand keys.", column.Table);
            }
        }
    }
}
