using DbArchitect.Postgres.Tools;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Tools.Grounding;

/// <summary>
/// A query rewrite is a claim that two statements answer the same question, and only the data can
/// settle it: a query-optimization item whose SQL is a query may enter the plan only when
/// <c>check_rewrite</c> accepted that same statement in this run. Queries the findings themselves
/// propose (a <c>SELECT pg_reload_conf()</c>) are not rewrites and pass.
/// </summary>
public sealed class RewriteGroundingCheck(IReadOnlyList<Finding> findings)
{
    public IReadOnlyList<ValidationError> Check(TodoDocument document, IReadOnlySet<string> verified)
    {
        var proposedByFindings = findings.Where(f => f.Remedy is not null)
            .SelectMany(f => SqlScript.Split(f.Remedy!.Up))
            .Select(RewriteCheckTool.Key)
            .ToHashSet(StringComparer.Ordinal);
        return [.. document.Items.Where(item => !item.Done && item.Type == ChangeKind.QueryOptimization)
            .SelectMany(item => SqlScript.Split(item.Sql)
                .Select(RewriteCheckTool.Key)
                .Where(key => StatementNode.Of(key) is ("SelectStmt", _) && !proposedByFindings.Contains(key) && !verified.Contains(key))
                .Select(key => new ValidationError(item.Id,
                    $"the query rewrite {Postgres.Workload.SqlText.OneLine(key, 100)} was not accepted by check_rewrite in this run; check it and keep it only if the target accepts it")))];
    }
}
