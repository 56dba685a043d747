using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Planning;
using DbArchitect.Agent.Targets;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo.Markdown;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Advisor.Trial;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Demo;
using DbArchitect.Postgres.Findings;
using DbArchitect.Postgres.Reporting;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Tools;
using DbArchitect.Postgres.Validation;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Agent.Analysis;

/// <summary>
/// SPEC §2 in one visible place: sources → facts → findings → plan → TODO document → validate →
/// render → write. Each stage is its own type; this class only composes them, and writes nothing
/// until the merged document has passed validation.
/// </summary>
public sealed class AnalyzePipeline
{
    public async Task<AnalyzeOutcome> RunAsync(AnalyzeRequest request, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        progress = new SerialProgress(progress);
        // Read the existing TODO first: if it cannot be parsed, fail before doing any work.
        var existing = request.OutputDirectory is null ? null : await new TodoFileReader().ReadAsync(request.OutputDirectory, cancellationToken).ConfigureAwait(false);

        await using var target = await TargetDatabase.OpenAsync(request.ConnectionString, request.Demo, progress, cancellationToken, request.RepositoryPath).ConfigureAwait(false);
        var (connectionString, source, scratch) = (target.ConnectionString, target.Source, target.Scratch);
        var workloadFile = request.WorkloadFile is null ? [] : await WorkloadFile.ReadAsync(request.WorkloadFile, cancellationToken).ConfigureAwait(false);
        await using var session = TargetSession.Open(connectionString, request.Session);
        // The schema copy for the SQL check is made while the target is read: both mostly wait on servers.
        using var copying = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var copy = request.CheckSql ? StartCheckerAsync(session, scratch, progress, copying.Token) : Task.FromResult<ScratchSqlSession?>(null);
        (AnalysisFacts Facts, PlannedWorkload Workload, IReadOnlyList<Finding> Findings, AdvisorResult? Advice) found;
        try
        {
            found = await FindAsync(session, source, scratch, workloadFile, request, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await copying.CancelAsync().ConfigureAwait(false);
            await DiscardAsync(copy).ConfigureAwait(false);
            throw;
        }

        var (facts, workload, findings, advice) = found;
        progress.Report($"{findings.Count} findings from {RuleCatalog.All.Count} rules over {facts.RelationCount} relations and {workload.Planned} planned workload statements");

        await using var checker = await copy.ConfigureAwait(false);
        if (checker is not null)
        {
            progress.Report("running every item's change and rollback on the scratch copy…");
        }

        var proven = await new RemedyProof(checker).PlanAsync(findings, progress, cancellationToken).ConfigureAwait(false);
        if (checker is not null)
        {
            progress.Report($"{checker.StatementsRun:N0} statements ran on the scratch copy ({checker.CopiedShare}), {checker.StatementsByAnalogy:N0} accepted by analogy with same-shape statements that ran");
        }

        (findings, var planned) = (proven.Findings, proven.Planned);
        var context = ContextBuilder.ForRun(facts, workload, source, "deterministic planner (no model)", [.. proven.Unprovable, .. planned.PainPoints]);

        var coverage = new RunCoverage
        {
            SqlChecked = checker is not null,
            StatementsByAnalogy = checker?.StatementsByAnalogy ?? 0,
            StatementsPlanned = workload.Planned,
            IndexCandidates = advice?.Candidates.Count ?? 0,
            IndexCandidatesCosted = advice?.CandidatesCosted ?? 0,
        };
        var deterministic = TodoAssembler.Assemble(context, planned, findings, coverage);
        var engine = PostgresArchitectEngine.For(facts, findings, workload.Statements, session, checker?.Checker);
        var architect = await ModelArchitectStage.RunAsync(request, new ArchitectInput
        {
            Engine = engine,
            Findings = findings,
            Fallback = deterministic,
            Generator = "",
        }, connectionString, progress, cancellationToken).ConfigureAwait(false);
        var fresh = architect?.Document ?? deterministic;
        var today = DateOnly.FromDateTime(facts.Now.UtcDateTime);
        var merged = TodoMerger.Merge(existing, fresh, today, item => facts.Gaps.MayHide(item.FindingKey, item.References));
        var document = merged with { CodeChanges = MigrationPatches.Build(merged, request.RepositoryPath, today) };

        progress.Report("validating the TODO document…");
        var validation = await new TodoValidator().ValidateAsync(document, engine.Validation, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            throw new DbArchitectException(FailureKind.Validation,
                $"the generated TODO failed validation, nothing written ({validation.Errors.Count} errors): {string.Join(" | ", validation.Errors.Take(5))}");
        }

        string? writtenTo = null;
        if (request.OutputDirectory is not null)
        {
            await new TodoFileWriter().WriteAsync(request.OutputDirectory, TodoMarkdownRenderer.Render(document), cancellationToken).ConfigureAwait(false);
            writtenTo = TodoFile.PathIn(request.OutputDirectory);
        }

        return new AnalyzeOutcome
        {
            Document = document,
            Findings = findings,
            WrittenTo = writtenTo,
            Architect = architect,
            RemediesLeftToAPerson = proven.Unprovable,
            FailThresholdReached = request.FailOn is { } threshold && findings.Any(f => f.Severity >= threshold),
        };
    }

    /// <summary>
    /// Sources to facts to findings: the catalog, statistics and samples; the workload, planned once;
    /// then every producer of findings, in this order, each a stage of the same shape.
    /// </summary>
    private static async Task<(AnalysisFacts Facts, PlannedWorkload Workload, IReadOnlyList<Finding> Findings, AdvisorResult? Advice)> FindAsync(
        TargetSession session, string source, ScratchCluster? scratch, IReadOnlyList<WorkloadStatement> workloadFile, AnalyzeRequest request, IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report($"reading the catalog of {source}…");
        try
        {
            var facts = await new FactsCollector(session).CollectAsync(request.Rules, cancellationToken).ConfigureAwait(false);
            progress.Report("planning the workload (pg_stat_statements and --workload) without running it…");
            var workload = await new WorkloadPlanner(session).PlanAsync(workloadFile, progress, cancellationToken).ConfigureAwait(false);
            var advisor = new IndexAdvisorStage(new IndexAdvisor(session, new ScratchIndexTrial(session), scratch));
            IFindingStage<AnalysisInput>[] stages =
            [
                new SchemaRulesStage(),
                new NPlusOneStage(),
                new PlanInsightsStage(),
                new SkewedParameterPlansStage(),
                advisor,
                new SameIndexFolding(),
            ];
            var input = new AnalysisInput { Facts = facts, Workload = workload.Plans, Session = session, Progress = progress };
            var findings = await FindingPipeline.RunAsync(stages, input, progress, cancellationToken).ConfigureAwait(false);
            return (facts, workload, findings, advisor.Advice);
        }
        catch (Exception e) when (DatabaseErrors.Translate(e, source) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// A checker on a scratch copy of the target's schema; on the demo's own cluster when there is
    /// one. Without local server binaries, or when the schema cannot be copied (pg_dump refused by
    /// the target, a schema that does not load), the run goes on unchecked and the QA checklist
    /// says so. A cluster started here is stopped on every path that does not hand it on.
    /// </summary>
    private static async Task<ScratchSqlSession?> StartCheckerAsync(TargetSession session, ScratchCluster? existing, IProgress<string> progress, CancellationToken cancellationToken)
    {
        // Off the caller's thread at once: the copy runs beside the analysis, not before it.
        await Task.Yield();
        ScratchCluster? owned = null;
        Task<string>? dumping = null;
        try
        {
            // pg_dump needs only the binaries, so the dump is under way while the cluster starts.
            dumping = SchemaCloner.DumpSchemaAsync(session.ConnectionString, existing?.BinDirectory ?? ScratchCluster.ResolveBinDirectory(null), cancellationToken);
            var cluster = existing ?? (owned = await ScratchCluster.StartAsync(await ScratchSizing.ForAsync(session, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false));
            progress.Report("copying the schema to a scratch database, as the checks need it, to run every change and its rollback…");
            var copy = await SchemaCloner.PrepareAsync(session.ConnectionString, cluster, dumping, cancellationToken).ConfigureAwait(false);
            return new ScratchSqlSession(copy, owned);
        }
        catch (Exception e) when (e is ScratchClusterException or DbArchitectException)
        {
            await AbandonAsync(owned, dumping).ConfigureAwait(false);
            progress.Report($"SQL blocks not checked on a scratch server ({e.Message}); the QA checklist says so");
            return null;
        }
        catch
        {
            await AbandonAsync(owned, dumping).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops a cluster started for a copy that failed, and waits out its dump, whose own failure adds nothing to the one that ended the copy.</summary>
    private static async Task AbandonAsync(ScratchCluster? owned, Task<string>? dumping)
    {
        await DisposeAsync(owned).ConfigureAwait(false);
        if (dumping is not null)
        {
            await dumping.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>Stops a schema copy the run no longer needs; the failure that ended the run is the one to report.</summary>
    private static async Task DiscardAsync(Task<ScratchSqlSession?> copy)
    {
        try
        {
            if (await copy.ConfigureAwait(false) is { } checker)
            {
                await checker.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or DbArchitectException or ScratchClusterException || DatabaseErrors.Describe(e) is not null)
        {
            // It was cancelled or failed on its own; its server, if any, was stopped on that path.
        }
    }

    private static async Task DisposeAsync(ScratchCluster? cluster)
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
