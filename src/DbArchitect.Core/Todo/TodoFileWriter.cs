using System.Text;
using DbArchitect.Core.Failures;

namespace DbArchitect.Core.Todo;

/// <summary>
/// Writes <c>TODO_database-architect.md</c> atomically: the text goes to a temporary file in the same
/// directory, is flushed to disk, and then replaces the old file in one rename. A failure at any
/// point leaves the existing file exactly as it was and no temporary file behind.
/// </summary>
public sealed class TodoFileWriter
{
    /// <summary>UTF-8 without a byte order mark, refusing text it cannot encode rather than writing '?'.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task WriteAsync(string directory, string markdown, CancellationToken cancellationToken)
    {
        var target = TodoFile.PathIn(directory);
        var temporary = Path.Combine(directory, $".{TodoFile.FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await WriteDurablyAsync(temporary, markdown, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DbArchitectException(
                FailureKind.Usage, $"Cannot write {target}: {exception.Message.ReplaceLineEndings(" ")}", exception);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static async Task WriteDurablyAsync(string path, string markdown, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new StreamWriter(stream, StrictUtf8);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteAsync(markdown.AsMemory(), cancellationToken).ConfigureAwait(false);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
        }
    }
}
