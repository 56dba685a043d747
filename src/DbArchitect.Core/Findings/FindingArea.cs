namespace DbArchitect.Core.Findings;

/// <summary>
/// The role definition's core task headings. Findings, plan entries and items are grouped under
/// these so the TODO keeps the traceability the role asks for.
/// </summary>
public enum FindingArea
{
    SchemaDesign,
    QueryOptimization,
    Indexing,
    Migrations,
    PerformanceTuning,
    DataIntegrity,
}
