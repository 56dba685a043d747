using System.Globalization;
using DbArchitect.Core.Architect;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Redaction;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Validation;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Tools;

/// <summary>PostgreSQL as the model architect sees it in one run: the catalog that was read, the findings, the workload and, when there is one, the read-only session and the scratch copy's checker.</summary>
/// <param name="snapshot">The catalog the tools answer from and the grounding checks hold the document to.</param>
/// <param name="findings">The ranked deterministic findings.</param>
/// <param name="workload">Statements the model refers to as W1, W2…</param>
/// <param name="session">The read-only target session; null leaves out the tools that plan statements.</param>
/// <param name="sqlChecker">Runs the model's SQL on the scratch copy; null skips that check.</param>
public sealed class PostgresArchitectEngine(CatalogSnapshot snapshot, IReadOnlyList<Finding> findings, IReadOnlyList<WorkloadStatement> workload, TargetSession? session, ISqlChecker? sqlChecker)
    : IArchitectEngine
{
    /// <summary>The engine over an analysis run's facts.</summary>
    public static PostgresArchitectEngine For(AnalysisFacts facts, IReadOnlyList<Finding> findings, IReadOnlyList<WorkloadStatement> workload, TargetSession? session, ISqlChecker? sqlChecker)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new PostgresArchitectEngine(facts.Snapshot, findings, workload, session, sqlChecker);
    }

    public string CatalogSummary => string.Create(CultureInfo.InvariantCulture,
        $"{snapshot.Tables.Count} relations, {snapshot.Columns.Count} columns, {snapshot.Indexes.Count} indexes, {snapshot.Constraints.Count} constraints");

    public ValidationContext Validation { get; } = ValidationContexts.For(snapshot, findings, sqlChecker);

    public IArchitectToolbox OpenToolbox(bool redactLiterals, SecretRedactor? secrets) =>
        new ArchitectTools(snapshot, findings, workload, session, redactLiterals ? LiteralRedactor.For(workload.Select(w => w.Text)) : LiteralRedactor.Off, secrets);
}
