namespace DbArchitect.Core.Migrations;

/// <summary>What a lint run read and found: chains, findings worst first, and what it could not analyse, each with why.</summary>
public sealed record LintReport
{
    public required string Root { get; init; }

    public required IReadOnlyList<MigrationChain> Chains { get; init; }

    public required IReadOnlyList<LintFinding> Findings { get; init; }

    /// <summary>Statements read; those the parser refused or whose body is not analysed are in <see cref="NotAnalysed"/>.</summary>
    public required int StatementsRead { get; init; }

    public IReadOnlyList<NotAnalysed> NotAnalysed { get; init; } = [];

    public int MigrationCount => Chains.Sum(c => c.Migrations.Count);
}

/// <summary>A statement or file the linter could not read, with where and why: coverage is shown, never dropped.</summary>
public sealed record NotAnalysed(string Path, int Line, string Reason);
