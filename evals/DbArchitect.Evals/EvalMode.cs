namespace DbArchitect.Evals;

/// <summary>Which architect writes the graded document: the deterministic planner, the model (replaying each scenario's recorded answers), or both one after the other.</summary>
internal enum EvalMode
{
    Both,
    Deterministic,
    Model,
}
