namespace DbArchitect.Evals;

/// <summary>Command line of the eval runner: <c>[--json PATH] [--scenario NAME] [--scenarios DIR]</c>.</summary>
internal sealed record EvalArguments
{
    public string? JsonPath { get; init; }

    /// <summary>Run only this scenario; null runs all.</summary>
    public string? Scenario { get; init; }

    /// <summary>The scenarios folder; null finds <c>evals/scenarios</c> above the working directory.</summary>
    public string? ScenariosDirectory { get; init; }

    public static EvalArguments Parse(IReadOnlyList<string> arguments)
    {
        var parsed = new EvalArguments();
        for (var i = 0; i < arguments.Count; i += 2)
        {
            if (i + 1 >= arguments.Count)
            {
                throw new ArgumentException($"option {arguments[i]} needs a value");
            }

            parsed = arguments[i] switch
            {
                "--json" => parsed with { JsonPath = arguments[i + 1] },
                "--scenario" => parsed with { Scenario = arguments[i + 1] },
                "--scenarios" => parsed with { ScenariosDirectory = arguments[i + 1] },
                _ => throw new ArgumentException($"unknown option {arguments[i]}"),
            };
        }

        return parsed;
    }
}
