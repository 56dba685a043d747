namespace DbArchitect.Postgres.Advisor;

/// <summary>How an index's effect was measured, so every figure says where it came from.</summary>
public enum EvidenceSource
{
    /// <summary>hypopg on the target: the target's planner and statistics, nothing written.</summary>
    Hypothetical,

    /// <summary>A real index on a scratch copy of the schema holding a sample of the target's rows.</summary>
    ScratchTrial,

    /// <summary>Neither was possible; the figure is a plan-only estimate.</summary>
    Heuristic,
}
