using System.ComponentModel.DataAnnotations;

namespace DbArchitect.Postgres.Rewrites;

/// <summary>How much a rewrite must gain to be accepted.</summary>
public sealed class RewriteVerifierOptions
{
    /// <summary>Any lower cost is a gain.</summary>
    public const double StrictlyLower = 0;

    /// <summary>
    /// The fraction of the original's cost the rewrite must save: 0.2 accepts a rewrite only at
    /// under 80 % of the original's cost. Default <see cref="StrictlyLower"/>.
    /// </summary>
    [Range(0, 1, MaximumIsExclusive = true)]
    public double MinimumRelativeGain { get; init; } = StrictlyLower;
}
