using System.Globalization;

namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>The sentence that tells a reader where a scratch trial's figures came from.</summary>
internal static class TrialEvidence
{
    public static string Describe(IndexCandidate candidate, SampledTable? sample)
    {
        var index = $"real {MethodName(candidate.Method)} index on a scratch copy";
        if (sample is null)
        {
            return $"{index} (its table {candidate.QualifiedTable} was not found on the target)";
        }

        var rows = sample.SampleRows == sample.TargetRows
            ? $"all {Count(sample.TargetRows)} rows"
            : $"{Count(sample.SampleRows)} of {Count(sample.TargetRows)} rows";
        return $"{index} holding {rows} of {sample.Table}";
    }

    private static string MethodName(string method) => method switch
    {
        "btree" => "B-tree",
        "gist" => "GiST",
        "spgist" => "SP-GiST",
        _ => method.ToUpperInvariant(),
    };

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
