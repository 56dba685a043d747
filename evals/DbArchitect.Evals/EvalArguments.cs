using DbArchitect.Agent.Model;

namespace DbArchitect.Evals;

/// <summary>
/// Command line of the eval runner: <c>[--mode deterministic|model|both] [--json PATH] [--scenario NAME] [--scenarios DIR]
/// [--record DIR --model PROVIDER [--model-endpoint URL] --model-name NAME]</c>.
/// </summary>
internal sealed record EvalArguments
{
    public EvalMode Mode { get; init; } = EvalMode.Both;

    public string? JsonPath { get; init; }

    /// <summary>Model mode asks the live model given by <see cref="Model"/> and writes its answers here, one folder per scenario.</summary>
    public string? RecordDirectory { get; init; }

    /// <summary>The live model for <see cref="RecordDirectory"/>; its key comes from DBARCH_API_KEY.</summary>
    public ModelArguments Model { get; init; } = new();

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
                "--mode" => parsed with { Mode = ParseMode(arguments[i + 1]) },
                "--json" => parsed with { JsonPath = arguments[i + 1] },
                "--record" => parsed with { RecordDirectory = arguments[i + 1] },
                "--model" => parsed with { Model = parsed.Model with { Provider = arguments[i + 1] } },
                "--model-endpoint" => parsed with { Model = parsed.Model with { Endpoint = arguments[i + 1] } },
                "--model-name" => parsed with { Model = parsed.Model with { Name = arguments[i + 1] } },
                "--scenario" => parsed with { Scenario = arguments[i + 1] },
                "--scenarios" => parsed with { ScenariosDirectory = arguments[i + 1] },
                _ => throw new ArgumentException($"unknown option {arguments[i]}"),
            };
        }

        return parsed;
    }

    public bool Runs(EvalMode mode) => Mode == EvalMode.Both || Mode == mode;

    private static EvalMode ParseMode(string value) => value switch
    {
        "deterministic" => EvalMode.Deterministic,
        "model" => EvalMode.Model,
        "both" => EvalMode.Both,
        _ => throw new ArgumentException($"--mode {value}: expected deterministic, model or both"),
    };
}
