using System.Text.RegularExpressions;

namespace DbArchitect.Agent.Model.Prompts;

/// <summary>
/// One prompt file as loaded at run time. <see cref="Sha256"/> identifies the exact words that
/// produced a plan, so it is recorded with the plan; <see cref="Version"/> is the human-facing
/// name of the same thing.
/// </summary>
/// <param name="Name">The file name without <c>.md</c>, e.g. <c>architect.system</c>.</param>
/// <param name="Version">The <c>version:</c> value of the file's front matter.</param>
/// <param name="Text">What the model is given: the file without its front matter.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the whole file, as <c>sha256sum</c> prints it.</param>
public sealed partial record Prompt(string Name, string Version, string Text, string Sha256)
{
    /// <summary>The first 12 hex digits of <see cref="Sha256"/>: enough to tell versions apart in a report.</summary>
    public string ShortHash => Sha256[..12];

    /// <summary>e.g. <c>architect.system v2 (sha256 1a2b3c4d5e6f)</c>, for the TODO's context section.</summary>
    public string Label => $"{Name} v{Version} (sha256 {ShortHash})";

    /// <summary>
    /// The text with every <c>{{name}}</c> placeholder replaced. All placeholders must be given,
    /// because a prompt sent with a hole in it fails silently at the model.
    /// </summary>
    public string Fill(IReadOnlyDictionary<string, string> values)
    {
        var missing = Placeholder().Matches(Text)
            .Select(match => match.Groups["name"].Value)
            .Where(name => !values.ContainsKey(name))
            .Distinct()
            .ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Prompt {Name} needs values for: {string.Join(", ", missing)}.", nameof(values));
        }

        // One pass, so a value that itself contains braces is never expanded again.
        return Placeholder().Replace(Text, match => values[match.Groups["name"].Value]);
    }

    [GeneratedRegex(@"\{\{(?<name>[A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Placeholder();
}
