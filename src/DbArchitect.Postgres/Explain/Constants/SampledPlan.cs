namespace DbArchitect.Postgres.Explain.Constants;

/// <summary>Which end of a column's distribution a set of sampled constants stands for.</summary>
public enum SampleScenario
{
    /// <summary>Most common values, wide ranges, short prefixes: many rows qualify.</summary>
    CommonValues,

    /// <summary>Rare values, narrow ranges, long prefixes: few rows qualify.</summary>
    RareValues,
}

/// <summary>A constant chosen for one placeholder, and why (e.g. "most common value of public.orders.status, 95 % of rows").</summary>
/// <param name="Placeholder">The n of <c>$n</c>.</param>
/// <param name="Value">The constant as text, typed by the server like a quoted literal.</param>
/// <param name="Reason">Where the value came from, for people.</param>
/// <param name="Comparison">The column comparison the value was chosen for; null for a row count (LIMIT, OFFSET).</param>
public sealed record SampledValue(int Placeholder, string Value, string Reason, PlaceholderComparison? Comparison)
{
    private const int ShownLength = 40;

    /// <summary>"$1 = 'done' (most common value of …)", with long values cut for people.</summary>
    public override string ToString() =>
        $"${Placeholder} = '{(Value.Length <= ShownLength ? Value : Value[..(ShownLength - 1)] + "…")}' ({Reason})";
}

/// <summary>A statement planned with constants taken from the statistics instead of its placeholders.</summary>
public sealed record SampledPlan(SampleScenario Scenario, IReadOnlyList<SampledValue> Values, ExplainResult Result)
{
    public string DescribeValues() => string.Join("; ", Values);
}

/// <summary>The custom plans made for a parameterised statement, or why none could be made (then only the generic plan stands).</summary>
public sealed record SampledPlans(IReadOnlyList<SampledPlan> Plans, string? NotPlannedReason)
{
    public static SampledPlans NotPlanned(string reason) => new([], reason);

    public SampledPlan? For(SampleScenario scenario) => Plans.FirstOrDefault(plan => plan.Scenario == scenario);
}
