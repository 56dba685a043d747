using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// sqitch's <c>sqitch.plan</c>: the changes in the order sqitch deploys them, each on a line of its
/// own (<c>name [requires !conflicts] timestamp planner &lt;email&gt; # note</c>), with <c>@tag</c> lines
/// marking the change above them and <c>%pragma</c>, comment and blank lines between. The plan, never
/// the file names, is the order.
/// </summary>
internal static partial class SqitchPlan
{
    /// <summary>One change line of the plan.</summary>
    /// <param name="Name">The change's name, which may hold slashes (<c>schemas/auth</c>: its scripts sit in sub-folders).</param>
    /// <param name="Line">The plan's line (1-based), so a finding about the entry can name it.</param>
    /// <param name="Requires">The changes it needs deployed first (<c>users</c>, <c>users@v1</c>, <c>other:users</c>).</param>
    /// <param name="Conflicts">The changes that must not be deployed (<c>!name</c> in the brackets).</param>
    /// <param name="Tags">The tags on this change (the <c>@tag</c> lines that follow it).</param>
    public sealed record Change(string Name, int Line, IReadOnlyList<string> Requires, IReadOnlyList<string> Conflicts, IReadOnlyList<string> Tags);

    /// <summary>The changes in plan order, and the lines that are neither a change, a tag, a pragma nor a comment.</summary>
    public sealed record Parsed(IReadOnlyList<Change> Changes, IReadOnlyList<(int Line, string Reason)> Unread);

    public static Parsed Parse(string text)
    {
        var changes = new List<Change>();
        var unread = new List<(int, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or '%')
            {
                continue;
            }

            if (line[0] == '@')
            {
                if (changes.Count == 0 || TagLine().Match(line) is not { Success: true } tag)
                {
                    unread.Add((i + 1, changes.Count == 0 ? "a tag before any change" : "a tag line sqitch's plan syntax does not allow"));
                }
                else
                {
                    var last = changes[^1];
                    changes[^1] = last with { Tags = [.. last.Tags, tag.Groups["tag"].Value] };
                }

                continue;
            }

            if (ChangeLine().Match(line) is not { Success: true } change)
            {
                unread.Add((i + 1, "neither a change, a tag, a pragma nor a comment"));
            }
            else if (change.Groups["op"].Value == "-")
            {
                // A "-name" entry asks for a revert inside the plan, which sqitch's deploy does not perform.
                unread.Add((i + 1, $"-{change.Groups["name"].Value}: a revert entry, which sqitch does not deploy"));
            }
            else
            {
                var dependencies = change.Groups["deps"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                changes.Add(new Change(change.Groups["name"].Value, i + 1,
                    [.. dependencies.Where(d => d[0] != '!')], [.. dependencies.Where(d => d[0] == '!').Select(d => d[1..])], []));
            }
        }

        return new Parsed(changes, unread);
    }

    // The planner and note are not needed to order or read the changes; the timestamp is what tells a
    // change line from prose, so it is required.
    [GeneratedRegex(@"^(?<op>[+-])?(?<name>[^\s\[\]#@%:!][^\s\[\]#@]*)\s*(?:\[(?<deps>[^\]]*)\])?\s*\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(?:\s.*)?$")]
    private static partial Regex ChangeLine();

    [GeneratedRegex(@"^@(?<tag>[^\s\[\]#@:]+)\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(?:\s.*)?$")]
    private static partial Regex TagLine();
}
