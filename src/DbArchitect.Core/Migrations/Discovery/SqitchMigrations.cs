using System.Globalization;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// A sqitch project: each change of <c>sqitch.plan</c> is one migration, up <c>deploy/name.sql</c> and
/// down <c>revert/name.sql</c>, in plan order. The earlier instances of a reworked change keep their
/// scripts as <c>deploy/name@tag.sql</c>, named for a tag between them and the next instance. sqitch
/// runs a deploy script as it is written (the scripts hold their own <c>BEGIN</c>/<c>COMMIT</c>), so no
/// transaction is assumed. <c>verify/</c> scripts check a deploy and are not migrations: they are not read.
/// </summary>
internal static class SqitchMigrations
{
    public const string PlanFile = "sqitch.plan";

    /// <summary>The script folders of a project, beside its plan.</summary>
    public static readonly string[] ScriptFolders = ["deploy", "revert", "verify"];

    /// <summary>What one project gave: its migrations in plan order (each versioned by its place among the plan's changes), and what could not be one.</summary>
    public sealed record Project(IReadOnlyList<Migration> Migrations, IReadOnlyList<SkippedFile> Skipped);

    /// <param name="folder">The plan's folder, relative to the folder searched ("" for that folder itself).</param>
    /// <param name="planText">The plan, or null when it could not be read (its reason is listed by the caller).</param>
    /// <param name="scripts">The .sql files under the script folders, relative to <paramref name="folder"/> with '/' (<c>deploy/users.sql</c>).</param>
    /// <param name="read">The text of one of <paramref name="scripts"/>, or null when it is no readable SQL (its reason listed by the caller).</param>
    public static Project Read(string folder, string? planText, IReadOnlyCollection<string> scripts, Func<string, string?> read)
    {
        var plan = Path.Join(folder, PlanFile);
        var deploys = scripts.Where(s => s.StartsWith("deploy/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var reverts = scripts.Where(s => s.StartsWith("revert/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (planText is null)
        {
            return new([], [.. deploys.Order(StringComparer.Ordinal).Select(d => new SkippedFile(Path.Join(folder, d), $"a sqitch deploy script whose {PlanFile} could not be read"))]);
        }

        var parsed = SqitchPlan.Parse(planText);
        var skipped = parsed.Unread.Select(u => new SkippedFile(plan, Line(u.Line, u.Reason))).ToList();
        var migrations = new List<Migration>();
        for (var i = 0; i < parsed.Changes.Count; i++)
        {
            var change = parsed.Changes[i];
            var candidates = ScriptNames(parsed.Changes, i);
            var name = candidates.FirstOrDefault(c => deploys.Contains($"deploy/{c}.sql"));
            if (name is null)
            {
                skipped.Add(new SkippedFile(plan, Line(change.Line, candidates.Count == 0
                    ? $"change {change.Name} is planned again with no tag since its earlier instance, so their scripts cannot be told apart"
                    : $"change {change.Name} has no deploy script {string.Join(" or ", candidates.Select(c => $"deploy/{c}.sql"))}")));
                skipped.AddRange(candidates.Where(c => reverts.Remove($"revert/{c}.sql"))
                    .Select(c => new SkippedFile(Path.Join(folder, $"revert/{c}.sql"), $"the revert script of change {change.Name}, which has no deploy script")));
                continue;
            }

            deploys.Remove($"deploy/{name}.sql");
            if (read($"deploy/{name}.sql") is not { } up)
            {
                continue;
            }

            var down = reverts.Remove($"revert/{name}.sql") && read($"revert/{name}.sql") is { } text ? new MigrationScript(Path.Join(folder, $"revert/{name}.sql"), 1, text) : null;
            migrations.Add(new Migration
            {
                Version = (i + 1).ToString(CultureInfo.InvariantCulture), Name = name, Convention = MigrationConvention.Sqitch,
                Up = new MigrationScript(Path.Join(folder, $"deploy/{name}.sql"), 1, up), Down = down, HasDownConvention = true, RunsInTransaction = false,
            });
        }

        skipped.AddRange(deploys.Order(StringComparer.Ordinal).Select(d => new SkippedFile(Path.Join(folder, d), $"a sqitch deploy script {PlanFile} does not list")));
        skipped.AddRange(reverts.Order(StringComparer.Ordinal).Select(r => new SkippedFile(Path.Join(folder, r), $"a sqitch revert script {PlanFile} does not list")));
        return new(migrations, skipped);
    }

    /// <summary>
    /// The names a change's scripts may have: the last instance of a name uses the name itself; an
    /// earlier one, reworked later, uses <c>name@tag</c> for any tag from it up to the next instance
    /// (sqitch takes the first whose script exists, so a tag added later does not rename the files).
    /// </summary>
    private static List<string> ScriptNames(IReadOnlyList<SqitchPlan.Change> changes, int index)
    {
        var name = changes[index].Name;
        var next = changes.Skip(index + 1).Select((c, offset) => (c, offset)).FirstOrDefault(x => x.c.Name == name);
        if (next.c is null)
        {
            return [name];
        }

        return [.. changes.Skip(index).Take(next.offset + 1).SelectMany(c => c.Tags).Select(tag => $"{name}@{tag}")];
    }

    private static string Line(int line, string reason) => string.Create(CultureInfo.InvariantCulture, $"line {line}: {reason}");
}
