using System.Globalization;
using System.Text.RegularExpressions;
using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Todo;

/// <summary>
/// The task ID convention. <c>DB-PLAN-x.y</c> and <c>DB-ITEM-x.y</c>: x is the number of the
/// <see cref="FindingArea"/> the task sits under (declaration order + 1, so Schema Design is 1 and
/// Data Integrity is 6), y counts from 1 within that area and is never reused. An item carries the
/// area number of the plan entry it belongs to. <c>DB-QA-n</c> numbers the QA checklist from 1.
/// </summary>
public static partial class TodoIds
{
    public const string PlanPrefix = "DB-PLAN-";
    public const string ItemPrefix = "DB-ITEM-";
    public const string QaPrefix = "DB-QA-";

    public static int AreaNumber(FindingArea area) => (int)area + 1;

    public static string Plan(FindingArea area, int sequence) => Format(PlanPrefix, AreaNumber(area), sequence);

    public static string Item(FindingArea area, int sequence) => Format(ItemPrefix, AreaNumber(area), sequence);

    public static string Qa(int number) => QaPrefix + number.ToString(CultureInfo.InvariantCulture);

    public static bool IsPlanId(string id) => PlanIdPattern().IsMatch(id);

    public static bool IsItemId(string id) => ItemIdPattern().IsMatch(id);

    public static bool IsQaId(string id) => QaIdPattern().IsMatch(id);

    /// <summary>Splits a well-formed plan or item ID into its area number and sequence.</summary>
    public static bool TryParseSequenced(string id, out int areaNumber, out int sequence)
    {
        areaNumber = 0;
        sequence = 0;
        var match = SequencedIdPattern().Match(id);
        return match.Success
            && int.TryParse(match.Groups["area"].Value, CultureInfo.InvariantCulture, out areaNumber)
            && int.TryParse(match.Groups["sequence"].Value, CultureInfo.InvariantCulture, out sequence);
    }

    internal static string Format(string prefix, int areaNumber, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{areaNumber}.{sequence}");

    [GeneratedRegex(@"^DB-PLAN-[1-9][0-9]*\.[1-9][0-9]*$")]
    private static partial Regex PlanIdPattern();

    [GeneratedRegex(@"^DB-ITEM-[1-9][0-9]*\.[1-9][0-9]*$")]
    private static partial Regex ItemIdPattern();

    [GeneratedRegex(@"^DB-QA-[1-9][0-9]*$")]
    private static partial Regex QaIdPattern();

    [GeneratedRegex(@"^DB-(?:PLAN|ITEM)-(?<area>[1-9][0-9]{0,8})\.(?<sequence>[1-9][0-9]{0,8})$")]
    private static partial Regex SequencedIdPattern();
}
