using System.Globalization;
using System.Text;
using DbArchitect.Core.Migrations.Verification;

namespace DbArchitect.Core.Migrations.Reports;

/// <summary>A verification for people: one line per migration with its four verdicts, then the evidence of every verdict that failed.</summary>
public static class VerificationMarkdown
{
    public static string Render(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Migration verification: {report.Root}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Each migration ran on a scratch server after the ones before it, on tables filled with {report.RowsPerTable:N0} generated rows: up, down, schema and rows compared with before, up again. {report.Failed} failed.");
        foreach (var chain in report.Chains)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## `{chain.Chain.Root}`: {chain.Verdicts.Count} of {chain.Chain.Migrations.Count} migrations run in {chain.Elapsed.TotalSeconds:N1} s");
            if (chain.StoppedAt is not null)
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"The chain stopped at {chain.StoppedAt}: the migrations after it need it and were not run.");
            }

            text.AppendLine();
            text.AppendLine("| migration | applied | runs on rows | lock-safe | reversible | data kept | up again | up ms | evidence |");
            text.AppendLine("|---|---|---|---|---|---|---|---:|---|");
            foreach (var verdict in chain.Verdicts)
            {
                var evidence = verdict.Locks.Concat(verdict.Rewritten).Concat(verdict.SchemaDifferences.Take(5)).Concat(verdict.DataDifferences)
                    .Concat(verdict.Error is null ? [] : [verdict.Error]).Concat(verdict.Notes);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {verdict.Migration.Label} | {Mark(verdict.Applied)} | {Mark(verdict.Applied ? !verdict.FailsWithRows : null)} | {Mark(verdict.LockSafe)} | {Mark(verdict.Reversible)} | {Mark(verdict.DataPreserving)} | {Mark(verdict.Rerunnable)} | {verdict.UpTime.TotalMilliseconds:N0} | {MarkdownCell.Of(string.Join("; ", evidence))} |");
            }
        }

        return text.ToString();
    }

    private static string Mark(bool? verdict) => verdict switch
    {
        true => "yes",
        false => "**no**",
        null => "–",
    };
}
