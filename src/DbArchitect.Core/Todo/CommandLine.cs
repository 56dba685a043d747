namespace DbArchitect.Core.Todo;

/// <summary>An exact command to run locally or in CI.</summary>
public sealed record CommandLine
{
    public required string Purpose { get; init; }
    public required string Command { get; init; }
}
