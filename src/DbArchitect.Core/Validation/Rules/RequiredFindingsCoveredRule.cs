using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation.Rules;

/// <summary>Every finding the context marks as required (high severity and worse) is resolved by some item.</summary>
internal sealed class RequiredFindingsCoveredRule : ITodoRule
{
    public IEnumerable<ValidationError> Check(TodoDocument document, ValidationContext context)
    {
        var covered = document.Items.SelectMany(item => item.AlsoCovers.Prepend(item.FindingKey)).ToHashSet(StringComparer.Ordinal);
        return context.RequiredFindingKeys
            .Where(key => !covered.Contains(key))
            .Distinct(StringComparer.Ordinal)
            .Select(key => new ValidationError(
                $"finding {key}",
                $"high-severity finding is not covered; add a DB-ITEM with Finding Key \"{key}\""));
    }
}
