namespace DbArchitect.Core.Validation;

/// <summary>The validator's verdict; valid when there are no errors.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
