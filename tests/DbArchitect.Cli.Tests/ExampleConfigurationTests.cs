using DbArchitect.Agent.Model;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using Microsoft.Extensions.Configuration;

namespace DbArchitect.Cli.Tests;

/// <summary>appsettings.example.json is the reference of every setting (README, docs/configuration.md): it must stay complete and readable.</summary>
public sealed class ExampleConfigurationTests
{
    private static readonly IConfiguration Example = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryRoot(), "appsettings.example.json"), optional: false)
        .Build();

    [Theory]
    [InlineData("Rules", typeof(RuleOptions))]
    [InlineData("Session", typeof(TargetSessionOptions))]
    public void The_example_lists_every_property_of_a_bound_section(string section, Type options)
    {
        var listed = Example.GetSection(section).GetChildren().Select(child => child.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(options.GetProperties(), property => Assert.Contains(property.Name, listed));
    }

    [Fact]
    public void The_example_lists_every_model_key_with_its_default_and_the_prompts_directory()
    {
        Assert.Equal(
            ["ApiKey", "Endpoint", "MaxRetries", "MaxToolIterations", "Name", "Provider", "TimeoutSeconds"],
            Example.GetSection(ModelOptionsReader.Section).GetChildren().Select(child => child.Key).Order(StringComparer.Ordinal));
        Assert.True(Example.GetSection("Prompts:Directory").Exists());
    }

    [Fact]
    public void The_example_model_section_is_read_without_error_and_leaves_the_model_off_until_a_provider_is_chosen()
    {
        Assert.Equal(ModelProvider.None, ModelOptionsReader.Read(new ModelArguments(null, null, null), Example, _ => null).Provider);

        var chosen = ModelOptionsReader.Read(new ModelArguments("ollama", null, "llama3.1"), Example, _ => null);

        Assert.Equal(new ModelResilienceOptions(), chosen.Resilience);
        Assert.Equal(ModelOptions.DefaultMaxToolIterations, chosen.MaxToolIterations);
        Assert.Equal(ModelOptionsReader.OllamaEndpoint, chosen.Endpoint);
        Assert.Null(chosen.ApiKey);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DbArchitect.Agent.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no DbArchitect.Agent.sln above " + AppContext.BaseDirectory);
    }
}
