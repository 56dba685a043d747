namespace DbArchitect.Benchmarks.Advisor;

/// <summary>The benchmark's .sql files, embedded next to the code that uses them.</summary>
internal static class EmbeddedScript
{
    public static async Task<string> ReadAsync(string fileName, CancellationToken cancellationToken)
    {
        var resource = $"{typeof(EmbeddedScript).Namespace}.{fileName}";
        await using var stream = typeof(EmbeddedScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded script {resource} is missing");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
