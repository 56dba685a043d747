namespace DbArchitect.Evals;

/// <summary>True positives, false positives and false negatives of one rule family, and the ratios they give.</summary>
internal sealed record FamilyScore(string Family, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Null when the family reported nothing (no claim to be right or wrong about).</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Null when nothing of the family was expected.</summary>
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    public static FamilyScore Sum(string family, IEnumerable<FamilyScore> scores)
    {
        var list = scores.ToList();
        return new FamilyScore(family, list.Sum(s => s.TruePositives), list.Sum(s => s.FalsePositives), list.Sum(s => s.FalseNegatives));
    }
}
