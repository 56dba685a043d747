namespace DbArchitect.Core.Migrations;

/// <summary>The migrations found under one folder, in order, and what was found but could not be read as one.</summary>
public sealed record MigrationChain
{
    /// <summary>The folder searched.</summary>
    public required string Root { get; init; }

    public required IReadOnlyList<Migration> Migrations { get; init; }

    /// <summary>Files that looked like migrations (or sat among them) and were not read, each with why: coverage is shown, never dropped.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>The conventions the migrations follow, in the order first met.</summary>
    public IReadOnlyList<MigrationConvention> Conventions => [.. Migrations.Select(m => m.Convention).Distinct()];
}

/// <summary>A file that was not read as a migration.</summary>
public sealed record SkippedFile(string Path, string Reason);
