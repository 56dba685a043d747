using DbArchitect.Agent.Model.Recording;
using DbArchitect.Agent.Model;
using DbArchitect.Core.Redaction;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace DbArchitect.Evals;

/// <summary>
/// Where model mode's answers come from: each scenario's <c>model.json</c>, replayed; or, with
/// <c>--record DIR</c>, a live model whose answers are written to <c>DIR/&lt;scenario&gt;/model.json</c>
/// so that they can replace the recordings.
/// </summary>
internal sealed class ModelAnswerSource(ModelOptions? live = null, string? recordDirectory = null)
{
    public async Task<ScenarioModel> OpenAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var name = $"{scenario.Name}/{Scenario.RecordingFile}";
        if (live is null || recordDirectory is null)
        {
            var replay = new ReplayChatClient(await ModelRecording.ReadAsync(scenario.RecordingPath, cancellationToken).ConfigureAwait(false), name);
            return new ScenarioModel(new ChatClientBuilder(replay).UseFunctionInvocation().Build(), $"recorded answers ({name})") { Replay = replay };
        }

        RecordingChatClient? recorder = null;
        var note = $"recorded from {live.Name} at {live.Endpoint} on {DateTime.UtcNow:yyyy-MM-dd}";
        var connection = new ChatClientFactory(NullLoggerFactory.Instance).Create(live, new SecretRedactor(), inner => recorder = new RecordingChatClient(inner, note))!;
        return new ScenarioModel(connection.Client, connection.Description, connection) { Recorder = recorder, RecordTo = Path.Combine(recordDirectory, scenario.Name, Scenario.RecordingFile) };
    }
}

/// <summary>The chat client of one scenario's model run, and what happens to its answers afterwards.</summary>
internal sealed class ScenarioModel(IChatClient client, string description, IDisposable? connection = null) : IDisposable
{
    public IChatClient Client { get; } = client;

    public string Description { get; } = description;

    public ReplayChatClient? Replay { get; init; }

    public RecordingChatClient? Recorder { get; init; }

    /// <summary>Where <see cref="Recorder"/>'s answers are written.</summary>
    public string? RecordTo { get; init; }

    /// <summary>Recorded turns the run did not ask for; 0 for a live model.</summary>
    public int TurnsLeft => Replay?.TurnsLeft ?? 0;

    /// <summary>Writes a live model's answers, also after a failed run: what it answered until then is worth keeping.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (Recorder is not null && RecordTo is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(RecordTo)!);
            await Recorder.SaveAsync(RecordTo, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A live model's connection owns its client; a replay's client is all there is.</summary>
    public void Dispose() => (connection ?? Client).Dispose();
}
