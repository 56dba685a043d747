using System.Diagnostics;
using DbArchitect.Agent.Model;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Redaction;
using DbArchitect.Testing.OpenAiStub;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Tests.Model;

/// <summary>The whole model pipeline through the real OpenAI connector against the local stub.</summary>
public sealed class ChatClientFactoryTests : IAsyncLifetime
{
    private OpenAiStubServer _stub = null!;

    public Task InitializeAsync()
    {
        _stub = OpenAiStubServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task A_plain_completion_sends_model_messages_and_key_and_counts_tokens()
    {
        _stub.Enqueue(StubReply.Text("The orders table needs an index.", inputTokens: 11, outputTokens: 7));
        using var model = StubModel.Connect(_stub);

        var response = await model.Client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are the architect."), new ChatMessage(ChatRole.User, "What about orders?")]);

        Assert.Equal("The orders table needs an index.", response.Text);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal(StubReply.ModelName, request.Model);
        Assert.Equal($"Bearer {StubModel.ApiKey}", request.Header("Authorization"));
        Assert.Equal(["system", "user"], request.Messages.Select(message => message.GetProperty("role").GetString()));
        Assert.Equal(new TokenUsage(11, 7, 18, 1), model.Usage.Snapshot());
    }

    [Fact]
    public async Task A_tool_call_runs_the_local_function_and_sends_its_result_back_to_the_model()
    {
        _stub.Enqueue(
            StubReply.ToolCall("count_rows", """{"table":"public.orders"}""", callId: "call_7"),
            StubReply.Text("public.orders has 4200 rows."));
        var calledWith = new List<string>();
        var countRows = AIFunctionFactory.Create(
            (string table) =>
            {
                calledWith.Add(table);
                return $"{table}: 4200 rows";
            },
            "count_rows",
            "Counts the rows of a table.");
        using var model = StubModel.Connect(_stub);

        var response = await model.Client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "How big is orders?")], new ChatOptions { Tools = [countRows] });

        Assert.Equal("public.orders has 4200 rows.", response.Text);
        Assert.Equal(["public.orders"], calledWith);
        Assert.Equal(2, _stub.Requests.Count);
        Assert.Equal(["count_rows"], _stub.Requests[0].ToolNames);
        var toolMessage = Assert.Single(_stub.Requests[1].Messages, message => message.GetProperty("role").GetString() == "tool");
        Assert.Equal("call_7", toolMessage.GetProperty("tool_call_id").GetString());
        Assert.Contains("public.orders: 4200 rows", toolMessage.GetProperty("content").GetString());
        Assert.Equal(2, model.Usage.Snapshot().Calls);
    }

    [Fact]
    public async Task A_model_that_keeps_calling_tools_is_stopped_after_the_configured_round_trips()
    {
        _stub.Enqueue(Enumerable.Range(1, 6).Select(n => StubReply.ToolCall("count_rows", """{"table":"t"}""", $"call_{n}")).ToArray());
        var calls = 0;
        var countRows = AIFunctionFactory.Create((string table) => ++calls, "count_rows", "Counts the rows of a table.");
        using var model = StubModel.Connect(StubModel.Options(_stub.Endpoint) with { MaxToolIterations = 2 });

        await model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Loop")], new ChatOptions { Tools = [countRows] });

        Assert.Equal(2, calls);
        Assert.InRange(_stub.Requests.Count, 2, 3);
    }

    [Fact]
    public async Task A_streamed_answer_arrives_in_pieces_and_its_usage_is_counted()
    {
        _stub.Enqueue(StubReply.StreamedText("Add an ", "index ", "on customer_id."));
        using var model = StubModel.Connect(_stub);

        var pieces = new List<string>();
        await foreach (var update in model.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Advice?")]))
        {
            pieces.Add(update.Text);
        }

        Assert.Equal("Add an index on customer_id.", string.Concat(pieces));
        Assert.Equal(new TokenUsage(13, 3, 16, 1), model.Usage.Snapshot());
    }

    [Fact]
    public async Task A_streamed_call_that_cannot_get_through_fails_with_the_same_one_line_error()
    {
        _stub.Enqueue(StubReply.Error(502), StubReply.Error(502), StubReply.Error(502));
        using var model = StubModel.Connect(_stub);

        var failure = await Assert.ThrowsAsync<DbArchitectException>(async () =>
        {
            await foreach (var update in model.Client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Advice?")]))
            {
                Assert.Fail($"no update expected, got '{update.Text}'");
            }
        });

        Assert.Equal($"The model at 127.0.0.1:{_stub.Port} failed with HTTP 502 after the retries.", failure.Message);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_once_after_waiting_at_least_the_asked_time()
    {
        _stub.Enqueue(StubReply.Error(429, retryAfter: "1"), StubReply.Text("ok"));
        using var model = StubModel.Connect(_stub);

        var response = await model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        Assert.Equal("ok", response.Text);
        Assert.Equal(2, _stub.Requests.Count);
        // The stub stamps a request once it has read it; timers may fire a tick early, hence the small allowance.
        var waited = _stub.Requests[1].ReceivedAt - _stub.Requests[0].ReceivedAt;
        Assert.True(waited >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(20), $"waited {waited.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_burst_of_500s_opens_the_breaker_and_the_next_call_fails_fast_without_reaching_the_server()
    {
        _stub.Enqueue(StubReply.Error(500), StubReply.Error(500), StubReply.Error(500));
        using var model = StubModel.Connect(_stub, StubModel.FastResilience with { BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5 });

        var first = await Assert.ThrowsAsync<DbArchitectException>(() => model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]));
        var requestsBeforeSecondCall = _stub.Requests.Count;
        var clock = Stopwatch.StartNew();
        var second = await Assert.ThrowsAsync<DbArchitectException>(() => model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Again")]));

        Assert.Equal(FailureKind.Unreachable, first.Kind);
        Assert.Equal(2, requestsBeforeSecondCall);
        Assert.Equal(FailureKind.Unreachable, second.Kind);
        Assert.Equal(3, second.ExitCode);
        Assert.Contains($"127.0.0.1:{_stub.Port}", second.Message);
        Assert.Contains("keeps failing", second.Message);
        Assert.Equal(requestsBeforeSecondCall, _stub.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_name_the_status_and_host()
    {
        _stub.Enqueue(StubReply.Error(503), StubReply.Error(503), StubReply.Error(503));
        using var model = StubModel.Connect(_stub);

        var failure = await Assert.ThrowsAsync<DbArchitectException>(() => model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]));

        Assert.Equal(FailureKind.Unreachable, failure.Kind);
        Assert.Equal($"The model at 127.0.0.1:{_stub.Port} failed with HTTP 503 after the retries.", failure.Message);
        Assert.Equal(3, _stub.Requests.Count);
    }

    [Fact]
    public async Task A_malformed_body_is_a_clear_unreachable_failure()
    {
        _stub.Enqueue(StubReply.Malformed());
        using var model = StubModel.Connect(_stub);

        var failure = await Assert.ThrowsAsync<DbArchitectException>(() => model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]));

        Assert.Equal(FailureKind.Unreachable, failure.Kind);
        Assert.Equal($"The model at 127.0.0.1:{_stub.Port} sent a response that is not valid chat-completions JSON.", failure.Message);
    }

    [Fact]
    public async Task A_model_slower_than_the_attempt_timeout_is_an_unreachable_failure()
    {
        _stub.Enqueue(StubReply.Text("too late") with { Delay = TimeSpan.FromSeconds(3) });
        using var model = StubModel.Connect(_stub, StubModel.FastResilience with { AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 });

        var failure = await Assert.ThrowsAsync<DbArchitectException>(() => model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]));

        Assert.Equal(FailureKind.Unreachable, failure.Kind);
        Assert.Equal($"The model at 127.0.0.1:{_stub.Port} did not answer within 0.2 s (with 0 retries).", failure.Message);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_like_any_network_fault()
    {
        _stub.Enqueue(new StubReply { DropConnection = true }, StubReply.Text("recovered"));
        using var model = StubModel.Connect(_stub);

        var response = await model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        Assert.Equal("recovered", response.Text);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_call_as_a_cancellation_not_a_failure()
    {
        _stub.Enqueue(StubReply.Text("never read") with { Delay = TimeSpan.FromSeconds(5) });
        using var model = StubModel.Connect(_stub);
        using var cancellation = new CancellationTokenSource();

        var call = model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], cancellationToken: cancellation.Token);
        // Cancel while the stub holds the request, however long a loaded machine took to send it.
        var sent = Stopwatch.StartNew();
        while (_stub.Requests.Count == 0 && sent.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task No_server_listening_is_an_unreachable_failure_naming_the_host()
    {
        var closed = new Uri($"http://127.0.0.1:{_stub.Port}/v1/");
        await _stub.DisposeAsync();
        using var model = StubModel.Connect(StubModel.Options(closed, StubModel.FastResilience with { MaxRetries = 0 }));

        var failure = await Assert.ThrowsAsync<DbArchitectException>(() => model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]));

        Assert.Equal(FailureKind.Unreachable, failure.Kind);
        Assert.StartsWith($"Cannot reach the model at 127.0.0.1:{_stub.Port}", failure.Message);
        _stub = OpenAiStubServer.Start();
    }

    [Fact]
    public async Task Azure_openai_sends_its_key_in_the_api_key_header_below_openai_v1()
    {
        _stub.Enqueue(StubReply.Text("ok"));
        using var model = StubModel.Connect(StubModel.Options(new Uri($"http://127.0.0.1:{_stub.Port}/openai/v1/")) with
        {
            Provider = ModelProvider.AzureOpenAI,
            Name = "architect-deployment",
        });

        await model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal(StubModel.ApiKey, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("architect-deployment", request.Model);
    }

    [Fact]
    public async Task A_keyless_local_server_gets_no_authorization_header()
    {
        _stub.Enqueue(StubReply.Text("ok"));
        using var model = StubModel.Connect(StubModel.Options(_stub.Endpoint) with { Provider = ModelProvider.Ollama, ApiKey = null });

        await model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        Assert.Null(Assert.Single(_stub.Requests).Header("Authorization"));
    }

    [Fact]
    public void No_provider_means_no_client()
    {
        Assert.Null(new ChatClientFactory(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Create(ModelOptions.None, new SecretRedactor()));
    }
}
