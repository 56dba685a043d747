using System.Globalization;

namespace DbArchitect.Benchmarks;

/// <summary>The <c>--name value</c> options after the sub-command.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _options;

    private BenchmarkArguments(Dictionary<string, string> options) => _options = options;

    public static BenchmarkArguments Parse(IReadOnlyList<string> arguments)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i += 2)
        {
            if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= arguments.Count)
            {
                throw new ArgumentException($"expected '--name value', got '{arguments[i]}'");
            }

            options[arguments[i][2..]] = arguments[i + 1];
        }

        return new BenchmarkArguments(options);
    }

    /// <summary>The option's value, or null when it was not given.</summary>
    public string? Text(string name) => _options.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
