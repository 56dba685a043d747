using System.Text;

namespace DbArchitect.Agent.Model;

/// <summary>
/// A resolved, validated model configuration: provider defaults applied (endpoint), the key found.
/// Built by <see cref="ModelOptionsReader"/>; its <see cref="object.ToString"/> never shows the key.
/// </summary>
public sealed record ModelOptions
{
    /// <summary>No model: the deterministic planner.</summary>
    public static ModelOptions None { get; } = new() { Provider = ModelProvider.None };

    public required ModelProvider Provider { get; init; }

    /// <summary>Base URL of the chat-completions API (ending before <c>chat/completions</c>); null only for <see cref="ModelProvider.None"/>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The model, or the deployment name on Azure OpenAI.</summary>
    public string Name { get; init; } = "";

    /// <summary>The API key; null where the server needs none (local Ollama or a compatible server).</summary>
    public string? ApiKey { get; init; }

    public const int DefaultMaxToolIterations = 12;

    /// <summary>Bound on model ⇄ tool round trips within one request, so a confused model cannot loop forever. Default 12.</summary>
    public int MaxToolIterations { get; init; } = DefaultMaxToolIterations;

    public ModelResilienceOptions Resilience { get; init; } = new();

    /// <summary>Host and port of <see cref="Endpoint"/>: what errors and logs may name (never the key, never a path).</summary>
    public string EndpointHost => Endpoint?.Authority ?? "(no endpoint)";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Provider = {ModelProviderNames.Name(Provider)}, Endpoint = {EndpointHost}, Name = {Name}, ");
        builder.Append($"ApiKey = {(ApiKey is null ? "none" : "set")}, MaxToolIterations = {MaxToolIterations}, Resilience = {Resilience}");
        return true;
    }
}
