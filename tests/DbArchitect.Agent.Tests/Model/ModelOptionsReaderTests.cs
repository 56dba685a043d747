using DbArchitect.Agent.Model;
using DbArchitect.Core.Failures;
using Microsoft.Extensions.Configuration;

namespace DbArchitect.Agent.Tests.Model;

public sealed class ModelOptionsReaderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Nothing_configured_means_no_model()
    {
        Assert.Same(ModelOptions.None, ModelOptionsReader.Read(new ModelArguments(), Configuration(), NoEnvironment));
    }

    [Fact]
    public void The_command_line_wins_over_configuration_and_the_environment_key_over_the_configured_one()
    {
        var options = ModelOptionsReader.Read(
            new ModelArguments("openai-compatible", "http://10.0.0.5:8000/v1", "qwen-coder"),
            Configuration(("Model:Provider", "openai"), ("Model:Name", "gpt-x"), ("Model:ApiKey", "sk-from-config"),
                ("Model:TimeoutSeconds", "45"), ("Model:MaxRetries", "1")),
            name => name == ModelOptionsReader.ApiKeyVariable ? "sk-from-env" : null);

        Assert.Equal(ModelProvider.OpenAICompatible, options.Provider);
        Assert.Equal(new Uri("http://10.0.0.5:8000/v1/"), options.Endpoint);
        Assert.Equal("qwen-coder", options.Name);
        Assert.Equal("sk-from-env", options.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Resilience.AttemptTimeout);
        Assert.Equal(1, options.Resilience.MaxRetries);
    }

    [Fact]
    public void Configuration_alone_selects_the_provider_and_supplies_the_key()
    {
        var options = ModelOptionsReader.Read(
            new ModelArguments(),
            Configuration(("Model:Provider", "openai"), ("Model:Name", "gpt-4.1"), ("Model:ApiKey", "sk-from-config")),
            NoEnvironment);

        Assert.Equal(ModelOptionsReader.OpenAIEndpoint, options.Endpoint);
        Assert.Equal("sk-from-config", options.ApiKey);
    }

    [Fact]
    public void Ollama_defaults_to_its_local_endpoint_and_needs_no_key()
    {
        var options = ModelOptionsReader.Read(new ModelArguments("ollama", Name: "llama3.1"), Configuration(), NoEnvironment);

        Assert.Equal(new Uri("http://localhost:11434/v1/"), options.Endpoint);
        Assert.Null(options.ApiKey);
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com", "https://contoso.openai.azure.com/openai/v1/")]
    [InlineData("https://contoso.openai.azure.com/openai/v1", "https://contoso.openai.azure.com/openai/v1/")]
    public void An_azure_resource_url_is_pointed_at_its_openai_v1_surface(string given, string expected)
    {
        var options = ModelOptionsReader.Read(new ModelArguments("azure-openai", given, "architect"), Configuration(), _ => "azure-key-123");

        Assert.Equal(new Uri(expected), options.Endpoint);
    }

    [Theory]
    [InlineData("openai-compatible", null, "m", "key", "--model openai-compatible needs --model-endpoint")]
    [InlineData("azure-openai", null, "m", "key", "--model azure-openai needs --model-endpoint")]
    [InlineData("openai", null, "m", null, "--model openai needs an API key in DBARCH_API_KEY")]
    [InlineData("azure-openai", "https://x.openai.azure.com", "m", null, "--model azure-openai needs an API key")]
    [InlineData("ollama", null, null, null, "--model ollama needs --model-name")]
    [InlineData("openai-compatible", "ftp://host/v1", "m", null, "The model endpoint is not an absolute http or https URL.")]
    [InlineData("chatgpt", null, "m", null, "Unknown model provider 'chatgpt'; use none, openai, azure-openai, ollama or openai-compatible.")]
    public void Bad_combinations_are_one_line_usage_errors(string provider, string? endpoint, string? name, string? key, string expected)
    {
        var error = Assert.Throws<DbArchitectException>(
            () => ModelOptionsReader.Read(new ModelArguments(provider, endpoint, name), Configuration(), _ => key));

        Assert.Equal(FailureKind.Usage, error.Kind);
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_endpoint_carrying_credentials_is_refused_without_echoing_them()
    {
        var error = Assert.Throws<DbArchitectException>(() => ModelOptionsReader.Read(
            new ModelArguments("openai-compatible", "http://admin:hunter2-pass@10.0.0.5/v1", "m"), Configuration(), NoEnvironment));

        Assert.Equal(FailureKind.Usage, error.Kind);
        Assert.DoesNotContain("hunter2-pass", error.Message);
    }

    [Fact]
    public void An_unusable_timeout_is_a_usage_error()
    {
        var error = Assert.Throws<DbArchitectException>(() => ModelOptionsReader.Read(
            new ModelArguments("ollama", Name: "m"), Configuration(("Model:TimeoutSeconds", "-3")), NoEnvironment));

        Assert.Equal("Model:TimeoutSeconds has an unusable value '-3'.", error.Message);
    }

    [Fact]
    public void Printing_the_options_never_shows_the_key()
    {
        var options = ModelOptionsReader.Read(new ModelArguments("openai", Name: "gpt-4.1"), Configuration(), _ => "sk-live-very-secret");

        Assert.DoesNotContain("sk-live-very-secret", options.ToString());
        Assert.Contains("ApiKey = set", options.ToString());
        Assert.Contains("api.openai.com", options.ToString());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value)))
            .Build();
}
