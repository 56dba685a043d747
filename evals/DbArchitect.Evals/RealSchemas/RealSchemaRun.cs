using DbArchitect.Core.Findings;

namespace DbArchitect.Evals.RealSchemas;

/// <summary>One real schema loaded and analysed: how it loaded, what the independent queries expect, what the tool said.</summary>
internal sealed record RealSchemaRun
{
    public required string Name { get; init; }
    public required RealSchemaLoad Load { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The exit code <c>dbarch analyze</c> would give: 0, 3 for a database or scratch failure, 4 for an invalid document or a crash.</summary>
    public required int Exit { get; init; }

    public string? Error { get; init; }
    /// <summary>User tables as the independent queries count them: partitions and extensions' own tables left out.</summary>
    public int Tables { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    public int Items { get; init; }
    public long TodoBytes { get; init; }

    /// <summary>Remedies the scratch copy refused even after completion; the eval's bar is zero.</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

    /// <summary>Per checked rule: the independent query's tables beside the tables the rule's findings name.</summary>
    public IReadOnlyList<FactCheck> Checks { get; init; } = [];
}
