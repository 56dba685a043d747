using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Todo;

/// <summary>The role definition's headings for each <see cref="FindingArea"/>, as they appear in the TODO.</summary>
public static class TodoAreas
{
    /// <summary>Areas in document order (the order of the enum, which also gives the ID's area number).</summary>
    public static IReadOnlyList<FindingArea> InOrder { get; } = Enum.GetValues<FindingArea>();

    public static string Heading(FindingArea area) => area switch
    {
        FindingArea.SchemaDesign => "Schema Design",
        FindingArea.QueryOptimization => "Query Optimization",
        FindingArea.Indexing => "Indexing Strategy",
        FindingArea.Migrations => "Migration Planning",
        FindingArea.PerformanceTuning => "Performance Tuning",
        FindingArea.DataIntegrity => "Data Integrity",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "Unknown area."),
    };

    /// <summary>Finds the area a heading names, ignoring case, spacing and punctuation a person may change.</summary>
    public static bool TryFromHeading(string heading, out FindingArea area)
    {
        var wanted = Normalize(heading);
        foreach (var candidate in InOrder)
        {
            if (Normalize(Heading(candidate)) == wanted || Normalize(candidate.ToString()) == wanted)
            {
                area = candidate;
                return true;
            }
        }

        area = default;
        return false;
    }

    private static string Normalize(string text) =>
        new(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
}
