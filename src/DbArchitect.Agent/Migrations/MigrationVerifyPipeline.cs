using DbArchitect.Core.Failures;
using DbArchitect.Core.Migrations.Reports;
using DbArchitect.Core.Migrations.Verification;
using DbArchitect.Postgres.Migrations.Verification;
using DbArchitect.Postgres.Scratch;

namespace DbArchitect.Agent.Migrations;

/// <summary>
/// <c>dbarch migrations verify</c>: every chain under a folder run on a scratch PostgreSQL the tool
/// starts and removes, migration by migration: up, down, schema and rows compared, up again.
/// </summary>
public sealed class MigrationVerifyPipeline
{
    /// <returns>The report, rendered as Markdown or JSON.</returns>
    /// <exception cref="DbArchitectException">The folder cannot be read, or no scratch server can be started (exit 3).</exception>
    public async Task<(VerificationReport Report, string Text)> RunAsync(string path, int rowsPerTable, bool json, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var chains = MigrationFolder.Discover(path, cancellationToken);

        progress.Report("starting a scratch PostgreSQL to run every migration's up, down and up again…");
        ScratchCluster cluster;
        try
        {
            cluster = await ScratchCluster.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ScratchClusterException e)
        {
            throw new DbArchitectException(FailureKind.Unreachable, $"cannot start a scratch PostgreSQL: {e.Message}");
        }

        await using (cluster.ConfigureAwait(false))
        {
            var verifier = new ChainVerifier(cluster, rowsPerTable);
            var verified = new List<ChainVerification>();
            foreach (var chain in chains.Where(c => c.Migrations.Count > 0))
            {
                progress.Report($"verifying {chain.Migrations.Count} migrations of {chain.Root}…");
                verified.Add(await verifier.VerifyAsync(chain, cancellationToken).ConfigureAwait(false));
            }

            var report = new VerificationReport { Root = path, Chains = verified, RowsPerTable = rowsPerTable };
            return (report, json ? MigrationJson.Render(report) : VerificationMarkdown.Render(report));
        }
    }
}
