namespace DbArchitect.Agent.Model.Recording;

/// <summary>The conversation went further than the recording: the code under test asked the model more often than when it was recorded.</summary>
public sealed class RecordingExhaustedException(string recording, int turns, int requested)
    : Exception($"recording {recording} has {turns} turns; the model was asked for turn {requested}")
{
    public string Recording { get; } = recording;

    public int Turns { get; } = turns;

    public int Requested { get; } = requested;
}
