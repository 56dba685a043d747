namespace DbArchitect.Core.Validation;

/// <summary>The validator's verdict; valid when there are no errors.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Checks that could not run (for example no SQL checker was configured), in words for the report.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
