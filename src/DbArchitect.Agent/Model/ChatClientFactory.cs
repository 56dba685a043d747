using System.ClientModel.Primitives;
using System.ClientModel;
using DbArchitect.Agent.Model.Pipeline;
using DbArchitect.Agent.Model.Resilience;
using DbArchitect.Core.Redaction;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace DbArchitect.Agent.Model;

/// <summary>
/// Builds the chat client for a provider. Every provider goes through the OpenAI connector (Azure
/// OpenAI through its OpenAI-compatible v1 surface), over an HttpClient whose handler runs the
/// Polly pipeline; Microsoft.Extensions.AI layers go on top, outermost first:
/// failure translation → function invocation → OpenTelemetry → token count → logging → secret redaction.
/// </summary>
public sealed class ChatClientFactory(ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
{
    /// <summary>The ActivitySource and Meter name of the model spans, for an OpenTelemetry exporter to listen to.</summary>
    public const string TelemetrySourceName = "DbArchitect.Agent.Model";

    private readonly ILogger _logger = loggerFactory.CreateLogger("DbArchitect.Agent.Model");
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <param name="options">As resolved by <see cref="ModelOptionsReader"/>.</param>
    /// <param name="secrets">The run's secrets; the API key is added to them here.</param>
    /// <param name="underFunctionInvocation">
    /// A layer directly under function invocation, where each tool round trip is one response and
    /// secrets are already redacted (a <see cref="Recording.RecordingChatClient"/>); null for none.
    /// </param>
    /// <returns>Null for <see cref="ModelProvider.None"/>: the deterministic planner needs no client.</returns>
    public ModelConnection? Create(ModelOptions options, SecretRedactor secrets, Func<IChatClient, IChatClient>? underFunctionInvocation = null)
    {
        if (options.Provider == ModelProvider.None)
        {
            return null;
        }

        var endpoint = options.Endpoint ?? throw new ArgumentException("A model provider needs an endpoint.", nameof(options));
        secrets.Add(options.ApiKey);
        var http = new HttpClient(new ResilientHttpHandler(ModelResiliencePipeline.Create(options, _logger, _time))
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        })
        {
            // The pipeline owns time limits; the client's own would cut across retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
            UserAgentApplicationId = "dbarch",
        };

        // The policy constructor is marked experimental; it is the only way to send Azure's api-key
        // header, or no credential at all to a keyless local server, instead of a bearer token.
#pragma warning disable OPENAI001
        var openAi = new OpenAIClient(Authentication(options), clientOptions);
#pragma warning restore OPENAI001

        var tally = new TokenUsageTally();
        var client = openAi.GetChatClient(options.Name).AsIChatClient()
            .AsBuilder()
            .Use(inner => new FailureTranslatingChatClient(inner, options))
            .UseFunctionInvocation(configure: invocation => invocation.MaximumIterationsPerRequest = options.MaxToolIterations)
            .Use(inner => underFunctionInvocation?.Invoke(inner) ?? inner)
            .UseOpenTelemetry(sourceName: TelemetrySourceName, configure: telemetry => telemetry.EnableSensitiveData = false)
            .Use(inner => new TokenCountingChatClient(inner, tally))
            .Use(inner => new CallLoggingChatClient(inner, _logger, options))
            .Use(inner => new SecretRedactingChatClient(inner, secrets))
            .Build();
        return new ModelConnection(client, http, options, tally);
    }

    private static AuthenticationPolicy Authentication(ModelOptions options) => options switch
    {
        { ApiKey: null } => new AnonymousAuthenticationPolicy(),
        { Provider: ModelProvider.AzureOpenAI } => ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(options.ApiKey), "api-key"),
        _ => ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(new ApiKeyCredential(options.ApiKey)),
    };
}
