using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation.Rules;

/// <summary>One semantic check of a TODO document. Errors are located by task ID and say how to fix them.</summary>
internal interface ITodoRule
{
    IEnumerable<ValidationError> Check(TodoDocument document, ValidationContext context);
}
