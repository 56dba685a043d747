using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DbArchitect.Testing.OpenAiStub;

/// <summary>
/// A local OpenAI-compatible HTTP server on 127.0.0.1 that answers <c>POST …/chat/completions</c>
/// from a queue of scripted replies and records every request, so the real OpenAI connector, its
/// wire format and our HTTP pipeline run in tests without a model. An unscripted request gets a
/// 400, which no retry policy repeats, so a test that under-scripts fails loudly.
/// </summary>
public sealed class OpenAiStubServer : IAsyncDisposable
{
    public const int UnscriptedStatus = 400;

    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<StubReply> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Task _loop;

    private OpenAiStubServer(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
        _loop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The base URL to give the OpenAI client (<c>http://127.0.0.1:PORT/v1/</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Scripted replies not yet served.</summary>
    public int Pending => _script.Count;

    public static OpenAiStubServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new OpenAiStubServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding; probe again.
                listener.Close();
            }
        }
    }

    /// <summary>Queues replies, served one per request in order.</summary>
    public OpenAiStubServer Enqueue(params StubReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();

        // Close alone: after Stop, the managed listener's Close binds the port again to remove its
        // prefix, and fails when another process has taken the port meanwhile.
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = await RecordAsync(context.Request);
            var reply = !request.Path.EndsWith("/chat/completions", StringComparison.Ordinal)
                ? new StubReply { Status = 404, Body = "{\"error\":{\"message\":\"unknown path\"}}" }
                : _script.TryDequeue(out var scripted) ? scripted
                : new StubReply { Status = UnscriptedStatus, Body = "{\"error\":{\"message\":\"no scripted reply left\"}}" };

            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stopping.Token);
            }

            if (reply.DropConnection)
            {
                await DropAsync(response);
                return;
            }

            await WriteAsync(response, reply);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client gave up (timeout, cancellation) or the stub is stopping: nobody is listening.
            response.Abort();
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, request.ContentEncoding);
        var body = await reader.ReadToEndAsync(_stopping.Token);
        var headers = request.Headers.AllKeys
            .Where(name => name is not null)
            .ToDictionary(name => name!, name => request.Headers[name] ?? "", StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.HttpMethod, request.Url?.AbsolutePath ?? "", headers, body, Stopwatch.GetElapsedTime(_started));
        lock (_gate)
        {
            _requests.Add(recorded);
        }

        return recorded;
    }

    /// <summary>
    /// Promises a body and closes the connection after a few bytes of it. (HttpListener's Abort
    /// before the headers still sends an empty 200, which is no network fault at all.)
    /// </summary>
    private async Task DropAsync(HttpListenerResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength64 = 4096;
        await response.OutputStream.WriteAsync("{\"id\""u8.ToArray(), _stopping.Token);
        await response.OutputStream.FlushAsync(_stopping.Token);
        response.Abort();
    }

    private async Task WriteAsync(HttpListenerResponse response, StubReply reply)
    {
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers)
        {
            response.AddHeader(name, value);
        }

        if (reply.Events.Count > 0)
        {
            response.SendChunked = true;
            foreach (var serverEvent in reply.Events)
            {
                var bytes = Encoding.UTF8.GetBytes(serverEvent);
                await response.OutputStream.WriteAsync(bytes, _stopping.Token);
                await response.OutputStream.FlushAsync(_stopping.Token);
            }
        }
        else
        {
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stopping.Token);
        }

        response.Close();
    }
}
