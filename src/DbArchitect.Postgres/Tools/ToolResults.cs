using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Tools;

// The shapes the model reads. Each is small on purpose: names, numbers and short SQL, never a
// raw catalog row or a whole plan JSON.

/// <summary>One page of relations, largest first.</summary>
public sealed record TablePage(int Page, int PageSize, int Total, IReadOnlyList<TableSummary> Tables);

public sealed record TableSummary(string Name, string Kind, long Rows, long TotalBytes, string Size);

/// <summary>One relation: its columns, indexes and constraints.</summary>
public sealed record TableDescription(
    string Name,
    string Kind,
    long Rows,
    string Size,
    IReadOnlyList<ColumnSummary> Columns,
    IReadOnlyList<IndexSummary> Indexes,
    IReadOnlyList<ConstraintSummary> Constraints);

public sealed record ColumnSummary(string Name, string Type, bool NotNull, string? Default);

public sealed record IndexSummary(string Name, string Definition, long SizeBytes, long Scans, bool Valid);

public sealed record ConstraintSummary(string Name, string Kind, string Definition);

/// <summary>One page of the deterministic findings, worst first.</summary>
public sealed record FindingPage(int Page, int PageSize, int Total, IReadOnlyList<FindingSummary> Findings);

public sealed record FindingSummary(string Key, string Rule, Severity Severity, FindingArea Area, string Title, IReadOnlyList<Evidence> Evidence, bool HasRemedy);

/// <summary>A statement's plan (estimated, never executed) and what the plan insights make of it.</summary>
public sealed record PlanSummary(string Statement, double TotalCost, double Rows, IReadOnlyList<PlanNodeSummary> Nodes, IReadOnlyList<InsightSummary> Insights);

public sealed record PlanNodeSummary(int Depth, string NodeType, string? Relation, string? Index, double StartupCost, double TotalCost, double Rows, string? Condition);

public sealed record InsightSummary(string Rule, Severity Severity, string Title, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// A proposed index costed with hypopg against workload statements; "before" already has the
/// <paramref name="PlanIndexes"/> indexes the plan proposes, so the difference is this index's own.
/// </summary>
public sealed record IndexCosting(string Index, long EstimatedBytes, int PlanIndexes, double TotalCostBefore, double TotalCostAfter, IReadOnlyList<StatementCosting> Statements);

public sealed record StatementCosting(string Id, string Statement, double? CostBefore, double? CostAfter, bool UsesIndex, string? Skipped);

/// <summary>What a tool says when it will not or cannot answer; the model should change its question.</summary>
public sealed record ToolRefusal(string Error);

/// <summary>What the target said about a rewrite: accepted, or why not, with both statements' costs and row counts.</summary>
public sealed record RewriteCheck(
    string Statement,
    string Rewrite,
    bool Accepted,
    string? Refusal,
    double? CostBefore,
    double? CostAfter,
    long? RowsBefore,
    long? RowsAfter,
    bool OrderMatters,
    bool? SameRows);

/// <summary>The index advisor's chosen set for some statements, and what each statement costs before and after it.</summary>
public sealed record IndexAdvice(IReadOnlyList<AdvisedIndex> Indexes, IReadOnlyList<StatementCosting> Statements, IReadOnlyList<string> Notes);

public sealed record AdvisedIndex(string Index, long EstimatedBytes, long WritesToMaintain);
