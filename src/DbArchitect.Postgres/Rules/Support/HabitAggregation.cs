using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Turns per-table findings into one finding per schema when the problem is a habit rather than an
/// accident, so a schema of 300 tables that all lack the same thing yields one task, not 300.
/// </summary>
internal static class HabitAggregation
{
    /// <summary>At least this many affected tables in a schema before it can count as a habit.</summary>
    public const int MinimumTables = 5;

    /// <summary>Share of the schema's tables that must be affected for it to count as a habit.</summary>
    public const double MinimumShare = 0.6;

    /// <summary>
    /// One finding per table in <paramref name="tables"/> where <paramref name="find"/> finds something,
    /// then aggregated as <see cref="Aggregate"/> does.
    /// </summary>
    public static IEnumerable<Finding> PerTable<T>(
        CatalogLookup lookup,
        IEnumerable<TableInfo> tables,
        Func<TableInfo, IReadOnlyList<T>> find,
        Func<TableInfo, IReadOnlyList<T>, Finding> describe,
        Func<string, string> describeHabit)
    {
        var perTable = new List<Finding>();
        foreach (var table in tables)
        {
            var found = find(table);
            if (found.Count > 0)
            {
                perTable.Add(describe(table, found));
            }
        }

        return Aggregate(perTable, lookup, describeHabit);
    }

    /// <summary>
    /// <paramref name="perTable"/> holds one finding per table whose remedy stands alone;
    /// <paramref name="describeHabit"/> titles the schema-wide finding.
    /// </summary>
    public static IEnumerable<Finding> Aggregate(IReadOnlyList<Finding> perTable, CatalogLookup lookup, Func<string, string> describeHabit)
    {
        var tablesBySchema = lookup.DesignTables.GroupBy(t => t.Schema).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var schemaOf = lookup.DesignTables.ToDictionary(t => t.QualifiedName, t => t.Schema, StringComparer.Ordinal);
        foreach (var group in perTable.GroupBy(f => schemaOf.GetValueOrDefault(f.Tables.FirstOrDefault() ?? "", ""), StringComparer.Ordinal))
        {
            var findings = group.ToList();
            var total = tablesBySchema.GetValueOrDefault(group.Key, findings.Count);
            if (findings.Count < MinimumTables || findings.Count < total * MinimumShare)
            {
                foreach (var finding in findings)
                {
                    yield return finding;
                }

                continue;
            }

            yield return Combine(group.Key, findings, total, describeHabit(group.Key));
        }
    }

    private static Finding Combine(string schema, IReadOnlyList<Finding> findings, int totalTables, string title)
    {
        var first = findings[0];
        var remedies = findings.Select(f => f.Remedy).OfType<Remedy>().ToList();
        return first with
        {
            Subject = SqlIdentifier.Quote(schema),
            Severity = findings.Max(f => f.Severity),
            Title = title,
            Evidence =
            [
                new Evidence("tables affected", $"{MeasureText.Count(findings.Count)} of {MeasureText.Count(totalTables)} in schema {SqlIdentifier.Quote(schema)}"),
                .. findings.Take(10).Select(f => new Evidence(f.Subject, string.Join("; ", f.Evidence.Select(e => $"{e.Label}: {e.Value}")))),
                .. findings.Count > 10 ? [new Evidence("further tables", MeasureText.Count(findings.Count - 10))] : Array.Empty<Evidence>(),
            ],
            Tables = findings.SelectMany(f => f.Tables).Distinct(StringComparer.Ordinal).ToList(),
            Remedy = remedies.Count == 0 ? null : remedies[0] with
            {
                Up = string.Join("\n", remedies.Select(r => r.Up)),
                Down = string.Join("\n", remedies.AsEnumerable().Reverse().Select(r => r.Down)),
                Creates = remedies.SelectMany(r => r.Creates).Distinct(StringComparer.Ordinal).ToList(),
            },
        };
    }
}
