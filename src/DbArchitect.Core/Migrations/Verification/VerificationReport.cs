namespace DbArchitect.Core.Migrations.Verification;

/// <summary>A chain run on a scratch server migration by migration, and what was not run and why.</summary>
public sealed record VerificationReport
{
    public required string Root { get; init; }

    public required IReadOnlyList<ChainVerification> Chains { get; init; }

    /// <summary>Rows generated into each table before the migrations that change it.</summary>
    public required int RowsPerTable { get; init; }

    public int Failed => Chains.Sum(c => c.Verdicts.Count(v => v.IsFailure) + (c.StoppedAt is null ? 0 : 1));
}

/// <summary>One chain's verdicts in order; <see cref="StoppedAt"/> names the migration whose up failed, after which nothing ran.</summary>
public sealed record ChainVerification(MigrationChain Chain, IReadOnlyList<MigrationVerdict> Verdicts, string? StoppedAt, TimeSpan Elapsed);
