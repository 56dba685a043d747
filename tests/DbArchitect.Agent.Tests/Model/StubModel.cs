using DbArchitect.Agent.Model;
using DbArchitect.Core.Redaction;
using DbArchitect.Testing.OpenAiStub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace DbArchitect.Agent.Tests.Model;

/// <summary>Connects the real model pipeline to an <see cref="OpenAiStubServer"/>, with delays small enough for tests.</summary>
internal static class StubModel
{
    public const string ApiKey = "sk-test-4f9c2e7a1b";

    public static ModelResilienceOptions FastResilience { get; } = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromSeconds(3),
        BreakerMinimumThroughput = 10,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(30),
    };

    public static ModelOptions Options(Uri endpoint, ModelResilienceOptions? resilience = null) => new()
    {
        Provider = ModelProvider.OpenAICompatible,
        Endpoint = endpoint,
        Name = StubReply.ModelName,
        ApiKey = ApiKey,
        Resilience = resilience ?? FastResilience,
    };

    public static ModelConnection Connect(
        OpenAiStubServer stub, ModelResilienceOptions? resilience = null, ILoggerFactory? logs = null, SecretRedactor? secrets = null) =>
        Connect(Options(stub.Endpoint, resilience), logs, secrets);

    public static ModelConnection Connect(ModelOptions options, ILoggerFactory? logs = null, SecretRedactor? secrets = null) =>
        new ChatClientFactory(logs ?? NullLoggerFactory.Instance).Create(options, secrets ?? new SecretRedactor())
        ?? throw new InvalidOperationException("A provider other than none always yields a connection.");
}
