namespace DbArchitect.Core.Findings;

/// <summary>
/// A rule's verdict on one database object, with the numbers that prove it and the fix.
/// <see cref="Key"/> (rule id + object identity) is stable across runs, which is what keeps TODO
/// IDs stable when the same database is analysed again.
/// </summary>
public sealed record Finding
{
    public required string RuleId { get; init; }

    /// <summary>The object the finding is about, e.g. <c>public.orders</c> or <c>public.orders(customer_id)</c>.</summary>
    public required string Subject { get; init; }

    public required Severity Severity { get; init; }
    public required FindingArea Area { get; init; }

    /// <summary>One line for people: what is wrong.</summary>
    public required string Title { get; init; }

    /// <summary>Why it matters, in a sentence or two.</summary>
    public required string Rationale { get; init; }

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Schema-qualified tables touched by the remedy.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    public Remedy? Remedy { get; init; }

    public string Key => $"{RuleId}:{Subject}";
}
