using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Workload;

/// <summary>
/// A workload file: a <c>.sql</c> script (statements separated by semicolons, comments allowed), or a
/// PostgreSQL server log of slow statements or auto_explain entries (<see cref="PostgresLog"/>),
/// recognised by its content whatever the file is called.
/// </summary>
public static class WorkloadFile
{
    public static IReadOnlyList<WorkloadStatement> Parse(string script) =>
        SqlScript.Split(script)
            .Select(text => new WorkloadStatement { Text = text, Source = WorkloadSource.File })
            .ToList();

    /// <exception cref="DbArchitectException">The file cannot be read (exit code 3, like any source that cannot be reached).</exception>
    public static async Task<IReadOnlyList<WorkloadStatement>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return PostgresLog.IsLog(text) ? PostgresLog.Parse(text.Split('\n')) : Parse(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbArchitectException(FailureKind.Unreachable, $"cannot read the workload file {path}: {e.Message}");
        }
    }
}
