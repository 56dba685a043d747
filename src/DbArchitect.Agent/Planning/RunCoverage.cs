namespace DbArchitect.Agent.Planning;

/// <summary>
/// What this run measured beyond the catalog, so that each QA line says whether its statement was
/// measured this run or not, and why not. The default is a run that measured nothing beyond the
/// catalog rules.
/// </summary>
public sealed record RunCoverage
{
    /// <summary>Every item's change and rollback ran on a scratch copy of the schema.</summary>
    public bool SqlChecked { get; init; }

    /// <summary>
    /// Of the checked statements, those accepted by analogy: the unrun part of a large script of
    /// same-shape index statements, whose spread of runs passed and whose tables and columns the
    /// schema dump shows to be alike.
    /// </summary>
    public int StatementsByAnalogy { get; init; }

    /// <summary>Workload statements planned with EXPLAIN on the target; none is ever executed.</summary>
    public int StatementsPlanned { get; init; }

    /// <summary>Index candidates the workload's plans suggested to the index advisor.</summary>
    public int IndexCandidates { get; init; }

    /// <summary>Of those, the ones whose cost over the workload the advisor measured.</summary>
    public int IndexCandidatesCosted { get; init; }
}
