using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Workload;

/// <summary>A <c>.sql</c> workload file: statements separated by semicolons, comments allowed.</summary>
public static class WorkloadFile
{
    public static IReadOnlyList<WorkloadStatement> Parse(string script) =>
        SqlScript.Split(script)
            .Select(text => new WorkloadStatement { Text = text, Source = WorkloadSource.File })
            .ToList();

    public static async Task<IReadOnlyList<WorkloadStatement>> ReadAsync(string path, CancellationToken cancellationToken) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
}
