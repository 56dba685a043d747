namespace DbArchitect.Evals.RealSchemas;

/// <summary>
/// What loading a schema file did, statement by statement. Grants and owners for roles this
/// server lacks, and objects built on extensions it lacks, are skipped rather than failed: they
/// say nothing about the schema the tool is judged on.
/// </summary>
internal sealed record RealSchemaLoad
{
    public int Statements { get; init; }
    public int Loaded { get; init; }
    public int SkippedForMissingRole { get; init; }
    public int SkippedForMissingExtension { get; init; }

    /// <summary>The server's message for each statement that failed for any other reason, with an excerpt of it.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}
