using DbArchitect.Agent.Analysis;
using DbArchitect.Agent.Targets;
using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Advisor.Trial;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Agent.Advising;

/// <summary><c>dbarch advise</c>: gather the workload, run the index advisor on the target, return its figures.</summary>
public sealed class AdvisePipeline
{
    public async Task<AdviseOutcome> RunAsync(AdviseRequest request, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (request.WorkloadFile is null && !request.FromStatistics && !request.Demo)
        {
            throw new DbArchitectException(FailureKind.Usage, "give --workload FILE or --from-stats (or both)");
        }

        var fromFile = request.WorkloadFile is null ? [] : await WorkloadFile.ReadAsync(request.WorkloadFile, cancellationToken).ConfigureAwait(false);
        await using var target = await TargetDatabase.OpenAsync(request.ConnectionString, request.Demo, progress, cancellationToken).ConfigureAwait(false);
        await using var session = TargetSession.Open(target.ConnectionString, request.Session);
        try
        {
            var workload = new List<WorkloadStatement>(fromFile);
            if (request.FromStatistics || request.Demo)
            {
                var top = await new PgStatStatements(session).ReadTopAsync(PgStatStatements.DefaultTop, cancellationToken).ConfigureAwait(false);
                if (!top.Available)
                {
                    throw new DbArchitectException(FailureKind.Unreachable, $"cannot take the workload from {target.Source}: {top.Describe(ownStatementsOnly: false)}");
                }

                workload.AddRange(top.Statements);
            }

            if (workload.Count == 0)
            {
                throw new DbArchitectException(FailureKind.Usage, "the workload is empty: no statements in the file and none in pg_stat_statements");
            }

            progress.Report($"planning {workload.Count} statements on {target.Source} and costing index candidates with hypopg…");
            var options = new AdvisorOptions { MaxIndexes = request.MaxIndexes, StorageBudgetBytes = request.StorageBudgetBytes };
            return new AdviseOutcome(await new IndexAdvisor(session, new ScratchIndexTrial(session), target.Scratch).AdviseAsync(workload, options, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (DatabaseErrors.Translate(e, target.Source) is { } failure)
        {
            throw failure;
        }
    }
}
