using DbArchitect.Core.Failures;

namespace DbArchitect.Agent.Model.Prompts;

/// <summary>
/// The prompts the model architect and the chat session use, loaded from files at run time so
/// they can be read, reviewed and versioned like code, and hashed into every plan they produce.
/// </summary>
public sealed class PromptLibrary
{
    /// <summary>The folder name the build copies the prompts to, beside the tool.</summary>
    public const string FolderName = "prompts";

    /// <summary>The configuration key naming a prompts folder to use instead of the shipped one.</summary>
    public const string DirectorySetting = "Prompts:Directory";

    private static readonly string[] RequiredNames = ["architect.system", "architect.repair", "architect.round", "chat.system"];

    private PromptLibrary(string directory, IReadOnlyDictionary<string, Prompt> prompts)
    {
        Directory = directory;
        ArchitectSystem = prompts["architect.system"];
        ArchitectRepair = prompts["architect.repair"];
        ArchitectRound = prompts["architect.round"];
        ChatSystem = prompts["chat.system"];
    }

    /// <summary>Where the prompts were read from.</summary>
    public string Directory { get; }

    /// <summary>The architect role: what to produce and how to judge.</summary>
    public Prompt ArchitectSystem { get; }

    /// <summary>Hands validation errors back; placeholders <c>attempt</c>, <c>maxAttempts</c>, <c>errors</c>.</summary>
    public Prompt ArchitectRepair { get; }

    /// <summary>Hands a round's gains back for another round; placeholders <c>round</c>, <c>maxRounds</c>, <c>found</c>.</summary>
    public Prompt ArchitectRound { get; }

    /// <summary>The conversational architect of <c>dbarch chat</c>.</summary>
    public Prompt ChatSystem { get; }

    /// <summary>
    /// Loads every prompt. With <paramref name="directory"/> (the <see cref="DirectorySetting"/> setting)
    /// only that folder is used; otherwise the folder beside the tool, then a <c>prompts</c> folder
    /// in the working directory or one of its parents (running from a source checkout).
    /// </summary>
    /// <exception cref="DbArchitectException">Usage: no prompts folder, or a prompt file missing or malformed.</exception>
    public static async Task<PromptLibrary> LoadAsync(string? directory, CancellationToken cancellationToken)
    {
        var folder = directory is { Length: > 0 } ? Path.GetFullPath(directory) : Locate();
        var prompts = new Dictionary<string, Prompt>();
        foreach (var name in RequiredNames)
        {
            prompts[name] = await PromptFile.ReadAsync(Path.Combine(folder, name + ".md"), cancellationToken);
        }

        return new PromptLibrary(folder, prompts);
    }

    private static string Locate()
    {
        var besideTool = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (HasPrompts(besideTool))
        {
            return besideTool;
        }

        for (var folder = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, FolderName);
            if (HasPrompts(candidate))
            {
                return candidate;
            }
        }

        throw new DbArchitectException(FailureKind.Usage,
            $"No prompts folder found beside the tool ({besideTool}) or above the working directory; set Prompts:Directory.");
    }

    private static bool HasPrompts(string folder) => File.Exists(Path.Combine(folder, RequiredNames[0] + ".md"));
}
