using System.Globalization;
using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// The N+1 pattern seen from the database: one normalised statement called very many times,
/// returning about one row per call — an application loop fetching rows one at a time.
/// </summary>
public static class NPlusOneDetector
{
    public const string RuleId = "n-plus-one";

    public static IEnumerable<Finding> Detect(IEnumerable<WorkloadStatement> workload, long minimumCalls = 1000, double maximumRowsPerCall = 1.5)
    {
        foreach (var statement in workload.Where(s => s.Source == WorkloadSource.PgStatStatements && s.Calls >= minimumCalls))
        {
            var rowsPerCall = (double)statement.Rows / statement.Calls;
            if (rowsPerCall > maximumRowsPerCall || !statement.Text.TrimStart().StartsWith("select", StringComparison.OrdinalIgnoreCase) || !statement.Text.Contains("$1", StringComparison.Ordinal))
            {
                continue;
            }

            yield return new Finding
            {
                RuleId = RuleId,
                Subject = SqlText.Normalize(statement.Text),
                Severity = statement.Calls >= minimumCalls * 100 ? Severity.High : Severity.Medium,
                Area = FindingArea.QueryOptimization,
                Title = string.Create(CultureInfo.InvariantCulture, $"Possible N+1: one statement ran {statement.Calls:N0} times returning {rowsPerCall:0.##} rows per call"),
                Rationale = "An application loop that fetches related rows one at a time pays a round trip per row. Fix it in the application: load the set in one query (`WHERE key = ANY($1)` with an array of keys, or a JOIN), or use the ORM's eager loading.",
                Evidence =
                [
                    new Evidence("statement", statement.Text.Length <= 120 ? statement.Text : statement.Text[..117] + "…"),
                    new Evidence("calls", statement.Calls.ToString("N0", CultureInfo.InvariantCulture)),
                    new Evidence("rows per call", rowsPerCall.ToString("0.##", CultureInfo.InvariantCulture)),
                    new Evidence("total time", string.Create(CultureInfo.InvariantCulture, $"{statement.TotalTimeMs:N0} ms")),
                ],
            };
        }
    }
}
