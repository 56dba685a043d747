namespace DbArchitect.Core.Validation;

/// <summary>One reason a document is not acceptable. <see cref="Location"/> is a task ID or a JSON pointer.</summary>
public sealed record ValidationError(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
