namespace DbArchitect.Core.Todo;

/// <summary>The one file the role writes.</summary>
public static class TodoFile
{
    public const string FileName = "TODO_database-architect.md";

    public static string PathIn(string directory) => Path.Combine(directory, FileName);
}
