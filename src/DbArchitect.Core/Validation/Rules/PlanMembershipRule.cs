using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation.Rules;

/// <summary>Plan entries list only items that exist, and every item is listed by exactly one plan entry.</summary>
internal sealed class PlanMembershipRule : ITodoRule
{
    public IEnumerable<ValidationError> Check(TodoDocument document, ValidationContext context)
    {
        var itemIds = document.Items.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in document.Plan)
        {
            foreach (var missing in entry.ItemIds.Where(id => !itemIds.Contains(id)))
            {
                yield return new ValidationError(entry.Id, $"lists {missing}, which is not among the Database Items");
            }
        }

        var owners = document.Plan
            .SelectMany(entry => entry.ItemIds.Distinct(StringComparer.Ordinal).Select(itemId => (itemId, entry.Id)))
            .ToLookup(pair => pair.itemId, pair => pair.Id, StringComparer.Ordinal);
        foreach (var itemId in itemIds)
        {
            var planIds = owners[itemId].ToList();
            if (planIds.Count == 0)
            {
                yield return new ValidationError(itemId, "belongs to no plan entry; add it to the Items line of one DB-PLAN entry");
            }
            else if (planIds.Count > 1)
            {
                yield return new ValidationError(itemId, $"is listed by {string.Join(", ", planIds)}; an item belongs to exactly one plan entry");
            }
        }
    }
}
