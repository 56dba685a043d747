using DbArchitect.Core.Failures;
using DbArchitect.Core.Todo.Markdown;

namespace DbArchitect.Core.Todo;

/// <summary>
/// Reads the TODO already in the output directory so a new run can merge into it. A file that is
/// there but cannot be parsed stops the run with one clear line: it is never silently overwritten.
/// </summary>
public sealed class TodoFileReader
{
    /// <summary>The parsed document, or null when the directory has no TODO file yet.</summary>
    public async Task<TodoDocument?> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        var path = TodoFile.PathIn(directory);
        if (!File.Exists(path))
        {
            return null;
        }

        string markdown;
        try
        {
            markdown = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DbArchitectException(
                FailureKind.Unreachable, $"Cannot read {path}: {OneLine(exception.Message)}", exception);
        }

        try
        {
            return TodoMarkdownParser.Parse(markdown);
        }
        catch (FormatException exception)
        {
            throw new DbArchitectException(
                FailureKind.Validation,
                $"{path} cannot be read as a TODO ({OneLine(exception.Message)}); it was left untouched — fix or move it and run again.",
                exception);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
