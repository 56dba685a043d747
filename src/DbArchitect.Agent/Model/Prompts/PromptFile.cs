using System.Security.Cryptography;
using System.Text;
using DbArchitect.Core.Failures;

namespace DbArchitect.Agent.Model.Prompts;

/// <summary>
/// Reads one prompt file: a front-matter header between two <c>---</c> lines (<c>key: value</c>
/// lines, of which <c>version</c> is required), then the prompt text.
/// </summary>
internal static class PromptFile
{
    private const string Fence = "---";

    public static async Task<Prompt> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DbArchitectException(FailureKind.Usage, $"Prompt file {path} is missing.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbArchitectException(FailureKind.Usage, $"Prompt file {path} cannot be read: {e.Message}", e);
        }

        var content = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\uFEFF');
        var (header, text) = Split(content, path);
        if (!header.TryGetValue("version", out var version) || version.Length == 0)
        {
            throw new DbArchitectException(FailureKind.Usage, $"Prompt file {path} has no 'version:' line in its front matter.");
        }

        return new Prompt(name, version, text, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static (Dictionary<string, string> Header, string Text) Split(string content, string path)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var closing = Array.IndexOf(lines, Fence, 1);
        if (lines.Length == 0 || lines[0].TrimEnd() != Fence || closing < 0)
        {
            throw new DbArchitectException(FailureKind.Usage, $"Prompt file {path} does not start with a '---' front-matter header.");
        }

        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..closing])
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var text = string.Join('\n', lines[(closing + 1)..]).Trim('\n');
        return (header, text);
    }
}
