using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Model;

/// <summary>
/// A ready chat client for one run, with what the run report needs about it. Keep one per run:
/// the circuit breaker's memory of a failing endpoint lives in it.
/// </summary>
public sealed class ModelConnection : IDisposable
{
    private readonly HttpClient _http;

    internal ModelConnection(IChatClient client, HttpClient http, ModelOptions options, TokenUsageTally usage)
    {
        Client = client;
        _http = http;
        Options = options;
        Usage = usage;
    }

    /// <summary>The full pipeline: failure translation, function invocation, telemetry, token count, logging, redaction.</summary>
    public IChatClient Client { get; }

    public ModelOptions Options { get; }

    /// <summary>Tokens spent through <see cref="Client"/> so far.</summary>
    public TokenUsageTally Usage { get; }

    /// <summary>e.g. <c>gpt-4.1 via openai</c>, for the TODO's generator line (the caller adds the prompt label).</summary>
    public string Description => $"{Options.Name} via {ModelProviderNames.Name(Options.Provider)}";

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
