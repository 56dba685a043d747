using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Migrations;

/// <summary>The shape every migration finding shares: the statement, the lock and what it blocks, and the safe rewrite as the remedy.</summary>
public static class MigrationFindings
{
    /// <param name="rule">The rule reporting.</param>
    /// <param name="statement">The statement it is about.</param>
    /// <param name="subject">The object, e.g. <c>orders</c> or <c>orders.status</c>; with the migration it makes the finding's key.</param>
    /// <param name="title">One line for a reviewer.</param>
    /// <param name="rationale">Why it matters while the application runs.</param>
    /// <param name="lockMode">The lock the statement takes on an existing table (<see cref="LockModes"/>); null when none matters.</param>
    /// <param name="rewrite">The safe form, as SQL or as the steps to take.</param>
    /// <param name="table">The table locked, when the subject is not the table itself (a column, an index).</param>
    public static Finding Of(IMigrationRule rule, MigrationStatement statement, string subject, string title, string rationale, string? lockMode, string rewrite, string? table = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(statement);
        List<Evidence> evidence = [new("statement", Core.Failures.OneLine.Cut(statement.Text, 200))];
        if (lockMode is not null)
        {
            evidence.Add(new Evidence("lock", $"{lockMode} on {table ?? subject}"));
            evidence.Add(new Evidence("blocks while held", LockModes.Blocks(lockMode)));
        }

        return new Finding
        {
            RuleId = rule.Id,
            Subject = $"{statement.Migration.Label}: {subject}",
            Severity = rule.Severity,
            Area = FindingArea.Migrations,
            Title = title,
            Rationale = rationale,
            Evidence = evidence,
            Tables = [table ?? subject],
            Remedy = new Remedy
            {
                Kind = ChangeKind.Migration,
                Strategy = MigrationStrategy.OnlineDdl,
                Up = rewrite,
                Down = "-- the rewrite's own down is the migration's down",
                PerformanceImpact = lockMode is null ? "No lock on an existing table." : $"Avoids holding {lockMode} for the length of the operation.",
                Testing = "dbarch migrations verify runs the rewritten migration up, down and up again on a scratch server.",
            },
        };
    }
}
