using System.Globalization;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Tools;

/// <summary>The run's workload as the model refers to it: W1, W2… in order, each standing for the statement's original text.</summary>
public sealed class WorkloadIds(IReadOnlyList<WorkloadStatement> workload)
{
    public IReadOnlyList<WorkloadStatement> Statements => workload;

    public static string Id(int index) => $"W{index + 1}";

    /// <summary>A workload id's original text (constants and all: the planner needs them), else the text itself.</summary>
    public string Resolve(string statement)
    {
        var text = statement.Trim();
        return IndexOf(text) is { } index ? workload[index].Text : text;
    }

    /// <summary>The id the text names (W2) or whose statement it is, or "given" for other SQL.</summary>
    public string Label(string statement)
    {
        var index = IndexOf(statement) ?? IndexOfText(statement);
        return index is { } found ? Id(found) : "given";
    }

    private int? IndexOfText(string text)
    {
        for (var i = 0; i < workload.Count; i++)
        {
            if (workload[i].Text == text)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Where a workload id such as W2 points in this run's workload, or null when the text is no such id.</summary>
    public int? IndexOf(string text) =>
        text.Trim() is { Length: >= 2 } id && id[0] is 'W' or 'w'
        && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= workload.Count
            ? number - 1
            : null;
}
