using System.Data;
using System.Globalization;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Postgres.Explain.Volatility;
using Npgsql;
using DbArchitect.Postgres.Sessions;

namespace DbArchitect.Postgres.Rewrites;

/// <summary>
/// Decides whether a proposed rewrite of a workload statement may enter the plan: it must be one
/// read-only query, plan on the target, cost less than the original with the same constants, and
/// return the same rows. Refusing is always safe, so anything that cannot be checked (a server
/// error, statement_timeout, constants that cannot be chosen) is a refusal, never an acceptance.
/// </summary>
/// <param name="dataSource">Read-only target sessions with statement_timeout set (<see cref="Sessions.TargetDataSource"/>).</param>
/// <param name="options">How much cheaper the rewrite must be; default strictly cheaper.</param>
public sealed class RewriteVerifier(NpgsqlDataSource dataSource, RewriteVerifierOptions? options = null)
{
    public RewriteVerifier(TargetSession session, RewriteVerifierOptions? options = null)
        : this(session.DataSource, options)
    {
    }

    private readonly RewriteVerifierOptions _options = options ?? new RewriteVerifierOptions();

    /// <summary>
    /// Plans both statements (with constants from pg_stats when the original has placeholders),
    /// and when the rewrite is cheaper runs both, in one REPEATABLE READ, READ ONLY transaction
    /// that is rolled back, so that both read the same snapshot.
    /// </summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<RewriteVerdict> VerifyAsync(string original, string rewrite, CancellationToken cancellationToken)
    {
        if (!QueryStatement.TryRead(original, out var originalQuery, out var refusal))
        {
            return new RewriteVerdict { Accepted = false, Refusal = $"the original cannot be verified: {refusal}" };
        }

        var verdict = new RewriteVerdict { Accepted = false, OrderMatters = originalQuery.HasTopLevelOrderBy };
        if (!QueryStatement.TryRead(rewrite, out var rewriteQuery, out refusal))
        {
            return verdict with { Refusal = $"the rewrite cannot be verified: {refusal}" };
        }

        if (!originalQuery.Placeholders.SequenceEqual(rewriteQuery.Placeholders))
        {
            return verdict with { Refusal = $"the rewrite uses the placeholders {Describe(rewriteQuery.Placeholders)} but the original {Describe(originalQuery.Placeholders)}; both must run with the same values" };
        }

        var step = "planning the original";
        try
        {
            var runner = new ExplainRunner(dataSource);
            var originalPlan = await runner.ExplainAsync(originalQuery.Text, new ExplainOptions(), cancellationToken).ConfigureAwait(false);
            IReadOnlyList<SampledValue> constants = [];
            if (originalQuery.Placeholders.Count > 0)
            {
                var sampled = await new SampledConstantPlanner(dataSource).PlanWithSampledConstantsAsync(originalQuery.Text, originalPlan, cancellationToken).ConfigureAwait(false);
                if (sampled.For(SampleScenario.CommonValues) is not { } common)
                {
                    return verdict with { Refusal = $"cannot choose constants: {sampled.NotPlannedReason}" };
                }

                (originalPlan, constants) = (common.Result, common.Values);
                verdict = verdict with { Constants = common.DescribeValues() };
            }

            if (Writes(originalPlan.Plan) is { } originalWrites)
            {
                return verdict with { Refusal = $"the original {originalWrites}" };
            }

            verdict = verdict with { OriginalCost = originalPlan.Plan.TotalCost };
            step = "planning the rewrite";
            var parameters = constants.Count == 0 ? null : constants.Select(value => (object?)value.Value).ToList();
            var rewritePlan = await runner.ExplainAsync(rewriteQuery.Text, new ExplainOptions { Parameters = parameters, ParametersAsLiterals = true }, cancellationToken).ConfigureAwait(false);
            if (Writes(rewritePlan.Plan) is { } rewriteWrites)
            {
                return verdict with { Refusal = $"the rewrite {rewriteWrites}" };
            }

            verdict = verdict with { RewriteCost = rewritePlan.Plan.TotalCost };
            if (CostRefusal(originalPlan.Plan.TotalCost, rewritePlan.Plan.TotalCost) is { } tooCostly)
            {
                return verdict with { Refusal = tooCostly };
            }

            if (await ActingAsync(originalQuery, originalPlan, "original", cancellationToken).ConfigureAwait(false) is { } originalActs)
            {
                return verdict with { Refusal = originalActs };
            }

            if (await ActingAsync(rewriteQuery, rewritePlan, "rewrite", cancellationToken).ConfigureAwait(false) is { } rewriteActs)
            {
                return verdict with { Refusal = rewriteActs };
            }

            step = "running the original";
            var values = constants.Select(value => value.Value).ToList();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

            // Disposing the transaction rolls it back; nothing it ran can outlive it.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var originalResult = await ResultFingerprint.ReadAsync(connection, originalQuery, values, verdict.OrderMatters, cancellationToken).ConfigureAwait(false);
            verdict = verdict with { OriginalRows = originalResult.Rows, OriginalHash = originalResult.Hash };
            step = "running the rewrite";
            var rewriteResult = await ResultFingerprint.ReadAsync(connection, rewriteQuery, values, verdict.OrderMatters, cancellationToken).ConfigureAwait(false);
            verdict = verdict with { RewriteRows = rewriteResult.Rows, RewriteHash = rewriteResult.Hash };
        }
        catch (ExplainRefusedException e)
        {
            return verdict with { Refusal = $"{step}: {e.Message.Replace("refused: ", "", StringComparison.Ordinal)}" };
        }
        catch (PostgresException e)
        {
            return verdict with { Refusal = $"{step}: {ServerRefusal(e)}" };
        }
        catch (NpgsqlException e)
        {
            return verdict with { Refusal = $"{step}: could not check ({e.Message.Split('\n')[0]})" };
        }

        return verdict.OriginalHash == verdict.RewriteHash
            ? verdict with { Accepted = true }
            : verdict with { Refusal = RowsRefusal(verdict) };
    }

    // The row comparison executes both statements: a function that acts would act on the target.
    private async Task<string?> ActingAsync(QueryStatement query, ExplainResult plan, string which, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ExecutionGuard.RefusalAsync(connection, query.Text, plan.RawJson, cancellationToken).ConfigureAwait(false) is { } acting
            ? $"the {which} was not executed: {acting}; planned only"
            : null;
    }

    private string? CostRefusal(double original, double rewrite)
    {
        var gain = _options.MinimumRelativeGain;
        if (rewrite < original * (1 - gain))
        {
            return null;
        }

        return gain == RewriteVerifierOptions.StrictlyLower
            ? Invariant($"the rewrite is not cheaper: estimated cost {rewrite:0.##} against the original's {original:0.##}")
            : Invariant($"the rewrite does not save {gain:0.#%} of the cost: estimated cost {rewrite:0.##} against the original's {original:0.##}");
    }

    // Under ORDER BY, rows that tie on the sort key may come in any order, so a correct rewrite can
    // still be refused here; that refusal is safe, an acceptance on a guessed order would not be.
    private static string RowsRefusal(RewriteVerdict verdict) => verdict.OriginalRows != verdict.RewriteRows
        ? Invariant($"the rewrite returns different rows: {verdict.RewriteRows} rows against the original's {verdict.OriginalRows}")
        : verdict.OrderMatters
            ? Invariant($"the rewrite returns different rows or the same rows in another order ({verdict.RewriteRows} rows each; the original's ORDER BY makes order part of the answer)")
            : Invariant($"the rewrite returns different rows ({verdict.RewriteRows} rows each, but their digests differ)");

    private static string? Writes(PlanNode plan) =>
        plan.DescendantsAndSelf().Any(node => node.NodeType == "ModifyTable") ? "modifies data; only read-only queries are verified"
        : plan.DescendantsAndSelf().Any(node => node.NodeType == "LockRows") ? "locks rows (FOR UPDATE / FOR SHARE); only read-only queries are verified"
        : null;

    private static string ServerRefusal(PostgresException e) => e.SqlState switch
    {
        "57014" => "ran past statement_timeout and was cancelled",
        "25006" => $"tried to write in the read-only transaction ({e.MessageText})",
        _ => $"the server refused it ({e.SqlState}: {e.MessageText})",
    };

    private static string Describe(IReadOnlyList<int> placeholders) =>
        placeholders.Count == 0 ? "none" : string.Join(", ", placeholders.Select(n => "$" + n.ToString(CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
