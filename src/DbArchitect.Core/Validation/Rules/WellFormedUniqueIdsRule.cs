using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation.Rules;

/// <summary>Every plan entry, item and QA check has a well-formed ID that no other task of its kind uses.</summary>
internal sealed class WellFormedUniqueIdsRule : ITodoRule
{
    public IEnumerable<ValidationError> Check(TodoDocument document, ValidationContext context) =>
        Check(document.Plan.Select(entry => entry.Id), "plan entry", "DB-PLAN-x.y", TodoIds.IsPlanId)
            .Concat(Check(document.Items.Select(item => item.Id), "item", "DB-ITEM-x.y", TodoIds.IsItemId))
            .Concat(Check(document.QualityChecklist.Select(check => check.Id), "QA check", "DB-QA-n", TodoIds.IsQaId));

    private static IEnumerable<ValidationError> Check(
        IEnumerable<string> ids, string kind, string pattern, Func<string, bool> isWellFormed)
    {
        var counts = ids.GroupBy(id => id, StringComparer.Ordinal).ToList();
        foreach (var group in counts)
        {
            if (!isWellFormed(group.Key))
            {
                yield return new ValidationError(group.Key, $"\"{group.Key}\" is not a well-formed {kind} ID; use {pattern} with numbers from 1");
            }

            if (group.Count() > 1)
            {
                yield return new ValidationError(group.Key, $"{group.Count()} {kind}s share this ID; each {kind} needs its own");
            }
        }
    }
}
