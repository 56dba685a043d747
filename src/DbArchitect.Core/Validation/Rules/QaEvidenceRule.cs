using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation.Rules;

/// <summary>A QA box is ticked only when a tool verified it, so a ticked box must say what the tool saw.</summary>
internal sealed class QaEvidenceRule : ITodoRule
{
    public IEnumerable<ValidationError> Check(TodoDocument document, ValidationContext context) =>
        document.QualityChecklist
            .Where(check => check.Done && string.IsNullOrWhiteSpace(check.Evidence))
            .Select(check => new ValidationError(check.Id, "is ticked without evidence; untick it or say what the tool verified"));
}
