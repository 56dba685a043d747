using DbArchitect.Core.Failures;
using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Workload;

/// <summary>A <c>.sql</c> workload file: statements separated by semicolons, comments allowed.</summary>
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
            return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbArchitectException(FailureKind.Unreachable, $"cannot read the workload file {path}: {e.Message}");
        }
    }
}
