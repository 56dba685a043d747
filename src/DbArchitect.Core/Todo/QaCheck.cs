namespace DbArchitect.Core.Todo;

/// <summary>
/// One line of the Quality Assurance checklist. <see cref="Done"/> is true only when a tool
/// verified the statement, and then <see cref="Evidence"/> says what the tool saw.
/// </summary>
public sealed record QaCheck
{
    /// <summary><c>DB-QA-n</c>.</summary>
    public required string Id { get; init; }
    public required bool Done { get; init; }
    public required string Text { get; init; }
    public string? Evidence { get; init; }
}
