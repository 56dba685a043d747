using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Tools;
using DbArchitect.Postgres.Rewrites;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;
using Microsoft.SemanticKernel;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// <c>check_rewrite</c>: a rewrite the model proposes for a workload statement is accepted only
/// when the target proves it: it plans, costs less, and returns the same rows as the original
/// (see <see cref="RewriteVerifier"/>), both run read-only under the statement timeout. The model
/// saw the workload with its constants replaced by <c>$n</c>; a rewrite written that way gets the
/// original's constants back before it runs, so both answer the same question.
/// </summary>
public sealed class RewriteCheckTool(WorkloadIds workload, TargetSession session, LiteralRedactor redactor, ToolAnswers answers, RoundGains gains)
{
    public const string Description =
        "Checks a rewrite of one workload statement on the target: it must plan, cost less than the original, and return the same rows " +
        "(order counts only when the original has ORDER BY). Both run read-only under the statement timeout. Only an accepted rewrite may enter the plan.";

    private readonly HashSet<string> _verified = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Keys (<see cref="Key"/>) of the rewrites accepted in this run, as the model wrote them.</summary>
    public IReadOnlySet<string> Verified
    {
        get
        {
            lock (_gate)
            {
                return _verified.ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The same statement however it was laid out: comments and whitespace do not matter, constants do.</summary>
    public static string Key(string statement) =>
        SqlText.Bind(SqlText.Normalize(statement), SqlText.Constants(statement)).TrimEnd(';').Trim();

    [KernelFunction("check_rewrite"), Description(Description)]
    public async Task<JsonElement> CheckRewriteAsync(
        [Description("The workload id of the statement to replace (W1…), or its SQL")] string statement,
        [Description("The rewritten statement, with the same $n placeholders where the original shows them")] string rewrite,
        CancellationToken cancellationToken = default)
    {
        var original = workload.Resolve(statement);
        // Placeholders are counted as the verifier counts them, so both agree on what the original is.
        var hasPlaceholders = QueryStatement.TryRead(original, out var query, out _) && query.Placeholders.Count > 0;
        var constants = hasPlaceholders ? [] : SqlText.Constants(original);
        var runnable = SqlText.Bind(rewrite, constants);
        var verdict = await new RewriteVerifier(session).VerifyAsync(original, runnable, cancellationToken).ConfigureAwait(false);
        var id = workload.Label(statement);
        if (verdict.Accepted)
        {
            bool added;
            lock (_gate)
            {
                added = _verified.Add(Key(rewrite));
            }

            if (added)
            {
                gains.Add(string.Create(CultureInfo.InvariantCulture,
                    $"rewrite of {id}: cost {verdict.OriginalCost:0.##} → {verdict.RewriteCost:0.##}, the same {verdict.RewriteRows} rows"));
            }
        }

        return answers.Answer("check_rewrite", new RewriteCheck(
            id, redactor.Sql(rewrite), verdict.Accepted, verdict.Refusal is null ? null : redactor.Prose(verdict.Refusal),
            verdict.OriginalCost, verdict.RewriteCost, verdict.OriginalRows, verdict.RewriteRows, verdict.OrderMatters,
            verdict.OriginalHash is null || verdict.RewriteHash is null ? null : verdict.OriginalHash == verdict.RewriteHash));
    }
}
