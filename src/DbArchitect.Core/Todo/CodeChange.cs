namespace DbArchitect.Core.Todo;

/// <summary>A proposed file change, carried as a patch inside the TODO (the role writes no other file).</summary>
public sealed record CodeChange
{
    public required string Title { get; init; }

    /// <summary>Repository-relative path of the file the patch creates or edits.</summary>
    public required string Path { get; init; }

    /// <summary>Unified diff.</summary>
    public required string Diff { get; init; }
}
