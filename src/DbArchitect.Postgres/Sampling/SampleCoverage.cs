namespace DbArchitect.Postgres.Sampling;

/// <summary>
/// What a sampler did with each table it chose: read rows from it, found it empty, was refused
/// (no SELECT, even on some of its columns) or ran out of statement time. A table that was not
/// read was not measured, which is not the same as clean, and the run says which.
/// </summary>
public sealed record SampleCoverage
{
    public IReadOnlyList<string> Read { get; init; } = [];
    public IReadOnlyList<string> Empty { get; init; } = [];
    public IReadOnlyList<string> Refused { get; init; } = [];
    public IReadOnlyList<string> TimedOut { get; init; } = [];

    /// <summary>Tables chosen for a sample whose rows the rules never saw.</summary>
    public IEnumerable<string> Unmeasured => Refused.Concat(TimedOut);

    /// <summary>Records one table's outcome as the sampler goes.</summary>
    public sealed class Builder
    {
        private readonly SortedSet<string> _read = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _empty = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _refused = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _timedOut = new(StringComparer.Ordinal);

        public void Record(string table, SampleOutcome outcome) => (outcome switch
        {
            SampleOutcome.Read => _read,
            SampleOutcome.Empty => _empty,
            SampleOutcome.Refused => _refused,
            _ => _timedOut,
        }).Add(table);

        public SampleCoverage Build() => new()
        {
            // A table read for one candidate and refused for another was still not fully measured.
            Read = [.. _read.Except(_refused).Except(_timedOut)],
            Empty = [.. _empty.Except(_read)],
            Refused = [.. _refused],
            TimedOut = [.. _timedOut],
        };
    }
}

public enum SampleOutcome
{
    Read,
    Empty,
    Refused,
    TimedOut,
}
