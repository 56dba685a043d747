using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Types;

/// <summary>
/// Binary floating point cannot represent most decimal fractions, so sums of prices drift by cents
/// and equality checks on amounts fail. Money belongs in <c>numeric</c>.
/// </summary>
public sealed class FloatForMoneyRule : ISchemaRule
{
    private static readonly HashSet<string> FloatTypes = new(StringComparer.Ordinal) { "float4", "float8" };

    private static readonly HashSet<string> MoneyWords = new(StringComparer.Ordinal)
    {
        "price", "prices", "amount", "amounts", "cost", "costs", "total", "subtotal", "balance", "fee", "fees",
        "salary", "wage", "wages", "tax", "vat", "discount", "revenue", "payment", "charge", "refund", "credit",
        "debit", "budget", "income", "payout", "tip", "money", "cash",
    };

    public string Id => "float-for-money";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.High;
    public QaStatement QaStatements => QaStatement.DataTypes;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        var lookup = CatalogLookup.Of(facts.Snapshot);
        foreach (var table in lookup.DesignTables)
        {
            foreach (var column in lookup.ColumnsOf(table).Where(c => FloatTypes.Contains(c.TypeName) && c.Generated is null && IsMoneyLike(c.Name)))
            {
                var (up, down) = ColumnTypeChange.For(table, [column], "numeric(19,4)", c => $"round({c}::numeric, 4)");
                yield return new Finding
                {
                    RuleId = Id,
                    Subject = ObjectNames.ColumnSubject(table, column.Name),
                    Severity = Severity,
                    Area = Area,
                    Title = $"Money-like column {ObjectNames.ColumnSubject(table, column.Name)} is {column.DataType}",
                    Rationale = "Floating point stores 0.1 as an approximation, so totals drift and equality comparisons of amounts fail; numeric stores decimal amounts exactly.",
                    Evidence =
                    [
                        new Evidence("type", column.DataType),
                        new Evidence("estimated rows", MeasureText.Count(Math.Max(0, table.EstimatedRows))),
                        .. InexactValues(facts, lookup, table, column),
                    ],
                    Tables = [table.QualifiedName],
                    Remedy = ColumnTypeChange.InPlaceRemedy(
                        up,
                        down,
                        rewrites: true,
                        "Rewrites the table and its indexes under an exclusive lock; for large tables add a numeric column, backfill in batches and swap. numeric arithmetic is slightly slower than float.",
                        $"SELECT sum({SqlIdentifier.Quote(column.Name)}) before and after must agree to 4 decimal places; check the application reads the value as a decimal type."),
                };
            }
        }
    }

    /// <summary>Sampled values printed with more than four decimals: the binary approximation showing through.</summary>
    private static IEnumerable<Evidence> InexactValues(AnalysisFacts facts, CatalogLookup lookup, TableInfo table, ColumnInfo column)
    {
        if (SampleColumns.For(facts, lookup, table) is not { RowCount: > 0 } sample || !sample.Columns.Contains(column))
        {
            yield break;
        }

        var values = sample.Values(column).OfType<string>().ToList();
        var inexact = values.Where(v => v.IndexOf('.') is var dot and >= 0 && v.Length - dot - 1 > 4 && !v.Contains('e')).ToList();
        yield return new Evidence("sampled values with more than 4 decimals", $"{MeasureText.Count(inexact.Count)} of {MeasureText.Count(values.Count)}{(inexact.Count > 0 ? $", e.g. {inexact[0]}" : "")}");
    }

    private static bool IsMoneyLike(string name) =>
        IdentifierRenames.ToSnakeCase(name).Split('_').Any(MoneyWords.Contains);
}
