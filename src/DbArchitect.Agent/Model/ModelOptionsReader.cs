using System.Globalization;
using DbArchitect.Core.Failures;
using Microsoft.Extensions.Configuration;

namespace DbArchitect.Agent.Model;

/// <summary>
/// Resolves <see cref="ModelOptions"/> from the command line over configuration (<c>Model:*</c>,
/// which already layers appsettings.json under <c>DBARCH__Model__*</c> variables), with the key
/// from <c>DBARCH_API_KEY</c> first. Bad combinations fail here, before any work starts.
/// </summary>
public static class ModelOptionsReader
{
    public const string ApiKeyVariable = "DBARCH_API_KEY";
    public const string Section = "Model";

    /// <summary>Ollama serves its OpenAI-compatible API here unless told otherwise.</summary>
    public static readonly Uri OllamaEndpoint = new("http://localhost:11434/v1/");

    public static readonly Uri OpenAIEndpoint = new("https://api.openai.com/v1/");

    /// <param name="arguments">What the command line said.</param>
    /// <param name="configuration">The whole configuration; the <c>Model</c> section is read.</param>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <exception cref="DbArchitectException">Usage, with one line saying what to fix.</exception>
    public static ModelOptions Read(ModelArguments arguments, IConfiguration configuration, Func<string, string?>? environment = null)
    {
        var section = configuration.GetSection(Section);
        var providerName = FirstGiven(arguments.Provider, section["Provider"]) ?? "none";
        var provider = ModelProviderNames.Parse(providerName);
        if (provider == ModelProvider.None)
        {
            return ModelOptions.None;
        }

        var flag = $"--model {ModelProviderNames.Name(provider)}";
        var name = FirstGiven(arguments.Name, section["Name"])
            ?? throw Usage($"{flag} needs --model-name (or Model:Name){(provider == ModelProvider.AzureOpenAI ? ", the deployment name" : "")}.");
        var apiKey = FirstGiven((environment ?? Environment.GetEnvironmentVariable)(ApiKeyVariable), section["ApiKey"]);
        if (apiKey is null && provider is ModelProvider.OpenAI or ModelProvider.AzureOpenAI)
        {
            throw Usage($"{flag} needs an API key in {ApiKeyVariable} (or Model:ApiKey).");
        }

        var givenEndpoint = FirstGiven(arguments.Endpoint, section["Endpoint"]);
        var endpoint = provider switch
        {
            ModelProvider.OpenAI => givenEndpoint is null ? OpenAIEndpoint : ParseEndpoint(givenEndpoint),
            ModelProvider.Ollama => givenEndpoint is null ? OllamaEndpoint : ParseEndpoint(givenEndpoint),
            ModelProvider.AzureOpenAI => AzureV1(ParseEndpoint(givenEndpoint ?? throw Usage($"{flag} needs --model-endpoint (or Model:Endpoint), e.g. https://NAME.openai.azure.com."))),
            _ => ParseEndpoint(givenEndpoint ?? throw Usage($"{flag} needs --model-endpoint (or Model:Endpoint), the base URL of its chat-completions API.")),
        };

        var defaults = new ModelResilienceOptions();
        return new ModelOptions
        {
            Provider = provider,
            Endpoint = endpoint,
            Name = name,
            ApiKey = apiKey,
            MaxToolIterations = PositiveInteger(section, "MaxToolIterations") ?? ModelOptions.DefaultMaxToolIterations,
            Resilience = defaults with
            {
                AttemptTimeout = PositiveSeconds(section, "TimeoutSeconds") ?? defaults.AttemptTimeout,
                MaxRetries = NonNegativeInteger(section, "MaxRetries") ?? defaults.MaxRetries,
            },
        };
    }

    private static string? FirstGiven(params string?[] values) =>
        values.Select(value => value?.Trim()).FirstOrDefault(value => !string.IsNullOrEmpty(value));

    /// <remarks>The value is not echoed: a mistyped URL may carry credentials in its user-info part.</remarks>
    private static Uri ParseEndpoint(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Usage("The model endpoint is not an absolute http or https URL.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw Usage("The model endpoint must not carry credentials; put the key in " + ApiKeyVariable + ".");
        }

        // Relative request paths are resolved against the endpoint, so it must end in a slash.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/" + uri.Query);
    }

    /// <summary>Azure OpenAI's v1 surface speaks the plain OpenAI protocol below <c>/openai/v1/</c> of the resource.</summary>
    private static Uri AzureV1(Uri resource) =>
        resource.AbsolutePath.TrimEnd('/').Length == 0 ? new Uri(resource, "openai/v1/") : resource;

    private static TimeSpan? PositiveSeconds(IConfigurationSection section, string key) =>
        Number(section, key, value => value > 0) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static int? PositiveInteger(IConfigurationSection section, string key) =>
        Number(section, key, value => value >= 1 && value == Math.Floor(value)) is { } value ? (int)value : null;

    private static int? NonNegativeInteger(IConfigurationSection section, string key) =>
        Number(section, key, value => value >= 0 && value == Math.Floor(value)) is { } value ? (int)value : null;

    private static double? Number(IConfigurationSection section, string key, Func<double, bool> acceptable)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !acceptable(value) || value > int.MaxValue)
        {
            throw Usage($"{Section}:{key} has an unusable value '{text}'.");
        }

        return value;
    }

    private static DbArchitectException Usage(string message) => new(FailureKind.Usage, message);
}
