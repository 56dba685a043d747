using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation.Rules;

/// <summary>
/// The x of DB-PLAN-x.y is the number of the entry's area (see <see cref="TodoIds"/>), and the x
/// of DB-ITEM-x.y is the number of the area of the plan entry that lists it.
/// </summary>
internal sealed class AreaNumberRule : ITodoRule
{
    public IEnumerable<ValidationError> Check(TodoDocument document, ValidationContext context)
    {
        var itemIds = document.Items.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in document.Plan)
        {
            var expected = TodoIds.AreaNumber(entry.Area);
            var heading = TodoAreas.Heading(entry.Area);
            if (TodoIds.TryParseSequenced(entry.Id, out var planArea, out _) && planArea != expected)
            {
                yield return new ValidationError(entry.Id, $"sits under {heading}, area {expected}; its ID must be DB-PLAN-{expected}.y");
            }

            foreach (var itemId in entry.ItemIds.Where(itemIds.Contains))
            {
                if (TodoIds.TryParseSequenced(itemId, out var itemArea, out _) && itemArea != expected)
                {
                    yield return new ValidationError(itemId, $"belongs to {entry.Id} under {heading}, area {expected}; its ID must be DB-ITEM-{expected}.y");
                }
            }
        }
    }
}
