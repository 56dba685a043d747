using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Model;

/// <summary>Tokens a run spent at the model, for the run report.</summary>
/// <param name="InputTokens">Prompt tokens, tool results included.</param>
/// <param name="OutputTokens">Tokens the model generated.</param>
/// <param name="TotalTokens">As the provider reports it, else input plus output.</param>
/// <param name="Calls">Model responses counted (each tool round trip is one).</param>
public sealed record TokenUsage(long InputTokens, long OutputTokens, long TotalTokens, int Calls)
{
    public static TokenUsage Zero { get; } = new(0, 0, 0, 0);
}

/// <summary>Adds up <see cref="UsageDetails"/> as responses arrive; safe to feed from concurrent calls.</summary>
public sealed class TokenUsageTally
{
    private long _input;
    private long _output;
    private long _total;
    private int _calls;

    public void Add(UsageDetails? usage)
    {
        Interlocked.Increment(ref _calls);
        if (usage is null)
        {
            return;
        }

        var input = usage.InputTokenCount ?? 0;
        var output = usage.OutputTokenCount ?? 0;
        Interlocked.Add(ref _input, input);
        Interlocked.Add(ref _output, output);
        Interlocked.Add(ref _total, usage.TotalTokenCount ?? input + output);
    }

    public TokenUsage Snapshot() =>
        new(Interlocked.Read(ref _input), Interlocked.Read(ref _output), Interlocked.Read(ref _total), Volatile.Read(ref _calls));
}
