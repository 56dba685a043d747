using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Migrations;

/// <summary>A migration lint finding and where it is: the file and line a reviewer opens.</summary>
/// <param name="Finding">The rule's finding: evidence names the lock taken and what it blocks; the remedy is the safe rewrite.</param>
/// <param name="Path">The file, relative to the folder linted.</param>
/// <param name="Line">1-based line of the statement (or of the file's start for a finding about the whole migration).</param>
/// <param name="Migration">The migration's version and name.</param>
public sealed record LintFinding(Finding Finding, string Path, int Line, string Migration);
