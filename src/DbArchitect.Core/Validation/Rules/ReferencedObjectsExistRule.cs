using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation.Rules;

/// <summary>
/// Every object an open item refers to exists on the target or is created by some item of the plan.
/// Done items are history: what they named may rightly be gone.
/// </summary>
internal sealed class ReferencedObjectsExistRule : ITodoRule
{
    public IEnumerable<ValidationError> Check(TodoDocument document, ValidationContext context)
    {
        var created = document.Items.SelectMany(item => item.Creates).ToHashSet(StringComparer.Ordinal);
        foreach (var item in document.Items.Where(item => !item.Done))
        {
            foreach (var reference in item.References.Where(name => !context.KnownObjects.Contains(name) && !created.Contains(name)))
            {
                yield return new ValidationError(item.Id, $"refers to {reference}, which does not exist on the target and no item creates it");
            }
        }
    }
}
