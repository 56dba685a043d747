using DbArchitect.Core.Failures;

namespace DbArchitect.Agent.Model;

/// <summary>Who answers for the architect: nobody (the deterministic planner) or a chat-completions service.</summary>
public enum ModelProvider
{
    /// <summary>No model: the deterministic planner writes the plan. The default.</summary>
    None,

    /// <summary>OpenAI's own service.</summary>
    OpenAI,

    /// <summary>An Azure OpenAI resource, through its OpenAI-compatible <c>/openai/v1</c> surface.</summary>
    AzureOpenAI,

    /// <summary>A local Ollama server through its OpenAI-compatible endpoint.</summary>
    Ollama,

    /// <summary>Any server that speaks the OpenAI chat-completions API (vLLM, LM Studio, ...).</summary>
    OpenAICompatible,
}

/// <summary>The provider names as the command line and configuration spell them.</summary>
public static class ModelProviderNames
{
    private static readonly (string Name, ModelProvider Provider)[] All =
    [
        ("none", ModelProvider.None),
        ("openai", ModelProvider.OpenAI),
        ("azure-openai", ModelProvider.AzureOpenAI),
        ("ollama", ModelProvider.Ollama),
        ("openai-compatible", ModelProvider.OpenAICompatible),
    ];

    /// <summary>"none, openai, azure-openai, ollama or openai-compatible", for help texts and errors.</summary>
    public static string Choices { get; } =
        string.Join(", ", All[..^1].Select(entry => entry.Name)) + " or " + All[^1].Name;

    public static string Name(ModelProvider provider) => All.Single(entry => entry.Provider == provider).Name;

    /// <exception cref="DbArchitectException">Usage: the name is not one of <see cref="Choices"/>.</exception>
    public static ModelProvider Parse(string name)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return entry.Provider;
            }
        }

        throw new DbArchitectException(FailureKind.Usage, $"Unknown model provider '{name}'; use {Choices}.");
    }
}
