using DbArchitect.Postgres.Scratch;

namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>
/// A database's schema as pg_dump writes it, as a multiset of lines: comments, session settings
/// and psql's per-dump restrict keys left out, so two dumps of one schema compare equal.
/// </summary>
public static class SchemaDump
{
    public static async Task<IReadOnlyList<string>> ReadAsync(ScratchCluster cluster, string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var dump = await PgDump.RunAsync(cluster.BinDirectory, connectionString, ["--schema-only", "--no-owner"], cancellationToken).ConfigureAwait(false);
        return [.. dump.Split('\n')
            .Select(line => line.TrimEnd())
            .Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal) && !line.StartsWith("SET ", StringComparison.Ordinal)
                && !line.StartsWith("SELECT pg_catalog.set_config", StringComparison.Ordinal) && !line.StartsWith('\\'))];
    }

    /// <summary>Lines only <paramref name="before"/> has (<c>- </c>) and lines only <paramref name="after"/> has (<c>+ </c>), each as often as it is extra.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in before)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        foreach (var line in after)
        {
            counts[line] = counts.GetValueOrDefault(line) - 1;
        }

        return [.. counts.Where(c => c.Value > 0).SelectMany(c => Enumerable.Repeat($"- {c.Key.Trim()}", c.Value))
            .Concat(counts.Where(c => c.Value < 0).SelectMany(c => Enumerable.Repeat($"+ {c.Key.Trim()}", -c.Value)))];
    }
}
