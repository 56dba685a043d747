using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DbArchitect.Core.Architect;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Redaction;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Tools;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Advisor;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Tools.Grounding;
using DbArchitect.Postgres.Workload;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// The deterministic tools, defined once as a Semantic Kernel plugin (<see cref="Plugin"/>): thin
/// adapters over the catalog snapshot, the findings, the EXPLAIN runner and hypopg, each answering
/// with a small JSON document (see <see cref="BoundedJson"/>) whose literals are redacted. The
/// model architect, chat and the MCP server take them as <see cref="Functions"/>; any Semantic
/// Kernel application can import <see cref="Plugin"/>. Every answer is recorded in <see cref="Log"/>.
/// Without a target session, <c>explain</c>, <c>cost_index</c>, <c>check_rewrite</c> and
/// <c>advise_indexes</c> are not offered.
/// </summary>
public sealed class ArchitectTools : IArchitectToolbox
{
    /// <summary>Upper bound of a page, whatever the model asks for.</summary>
    public const int MaxPageSize = 50;

    private const int MaxPlanNodes = 40;

    private readonly CatalogSnapshot _snapshot;
    private readonly IReadOnlyList<Finding> _findings;
    private readonly WorkloadIds _workload;
    private readonly TargetSession? _session;
    private readonly LiteralRedactor _redactor;
    private readonly ToolAnswers _answers;
    private readonly IndexCostingTool? _costing;
    private readonly RewriteCheckTool? _rewrites;

    /// <param name="snapshot">The catalog the table tools answer from.</param>
    /// <param name="findings">The ranked deterministic findings.</param>
    /// <param name="workload">Statements the model refers to as W1, W2…; planned with their constants, shown without.</param>
    /// <param name="session">The read-only target session; null leaves out explain and cost_index.</param>
    /// <param name="redactor">Masks literals in every result.</param>
    /// <param name="secrets">Masked out of every result (a default in a column, a message from the server); null when the client pipeline does it.</param>
    public ArchitectTools(CatalogSnapshot snapshot, IReadOnlyList<Finding> findings, IReadOnlyList<WorkloadStatement> workload, TargetSession? session, LiteralRedactor redactor, SecretRedactor? secrets = null)
    {
        _snapshot = snapshot;
        _findings = findings;
        _workload = new WorkloadIds(workload);
        _session = session;
        _redactor = redactor;
        _answers = new ToolAnswers(secrets);
        ProposedByFindings = new ProposedIndexes(findings, snapshot);

        List<object> adapters = [this];
        if (session is not null)
        {
            _costing = new IndexCostingTool(snapshot, ProposedByFindings, _workload, session, redactor, _answers, Gains);
            _rewrites = new RewriteCheckTool(_workload, session, redactor, _answers, Gains);
            adapters.AddRange(_costing, _rewrites, new AdvisorTool(snapshot, _workload, session, redactor, _answers));
        }

        Plugin = KernelPluginFactory.CreateFromFunctions(PluginName, "Read-only tools over one PostgreSQL database: catalog, findings, plans, index costing, rewrites.",
            adapters.SelectMany(adapter => KernelPluginFactory.CreateFromObject(adapter, PluginName))
                .Where(function => session is not null || !PlanningTools.Contains(function.Name)));
        Functions = [.. Plugin.Select(function => new ToolFunction(function))];
    }

    /// <summary>The plugin's name in a Kernel; the functions keep their own names for the model.</summary>
    public const string PluginName = "dbarch";

    // Tools that need the target session.
    private static readonly HashSet<string> PlanningTools = new(StringComparer.Ordinal) { "explain" };

    /// <summary>The tools as one Semantic Kernel plugin.</summary>
    public KernelPlugin Plugin { get; }

    public IReadOnlyList<AIFunction> Functions { get; }

    public ToolLog Log => _answers.Log;

    /// <summary>The indexes the findings propose: in the plan without costing, and cost_index's baseline.</summary>
    public ProposedIndexes ProposedByFindings { get; }

    /// <summary>What cost_index and check_rewrite accepted in this run, in the order found.</summary>
    public RoundGains Gains { get; } = new();

    /// <summary>Shapes (<see cref="IndexCostingCheck.Shape"/>) of the indexes cost_index found to make the workload cheaper in this run.</summary>
    public IReadOnlySet<string> CostedWithGain => _costing?.CostedWithGain ?? new HashSet<string>();

    /// <summary>Keys (<see cref="RewriteCheckTool.Key"/>) of the rewrites check_rewrite accepted in this run.</summary>
    public IReadOnlySet<string> VerifiedRewrites => _rewrites?.Verified ?? new HashSet<string>();

    public IReadOnlyList<(string Id, string Statement)> Workload =>
        [.. _workload.Statements.Select((statement, index) => (WorkloadIds.Id(index), _redactor.Sql(statement.Text)))];

    public string Redact(string prose) => _redactor.Prose(prose);

    /// <summary>Objects the document names exist or are created by it; new indexes were costed with a gain; rewrites were accepted.</summary>
    public IReadOnlyList<ValidationError> Ground(TodoDocument document, MeasuredNumbers measured) =>
    [
        .. new GroundingCheck(_snapshot).Check(document, measured)
            .Concat(new IndexCostingCheck(_snapshot, ProposedByFindings).Check(document, CostedWithGain))
            .Concat(new RewriteGroundingCheck(_findings).Check(document, VerifiedRewrites))
            .Distinct(),
    ];

    [KernelFunction("list_tables"), Description("Lists tables, views and materialized views, largest first, one page at a time: name, kind, estimated rows, size.")]
    public JsonElement ListTables(
        [Description("1-based page number")] int page = 1,
        [Description("Tables per page, at most 50")] int pageSize = 25)
    {
        var (number, size) = Paging(page, pageSize);
        var tables = _snapshot.Tables.OrderByDescending(t => t.TotalBytes).ThenBy(t => t.QualifiedName, StringComparer.Ordinal).ToList();
        var rows = tables.Skip((number - 1) * size).Take(size)
            .Select(t => new TableSummary(t.QualifiedName, t.Kind.ToString(), Rows(t), t.TotalBytes, Bytes(t.TotalBytes)))
            .ToList();
        return Answer("list_tables", new TablePage(number, size, tables.Count, rows));
    }

    [KernelFunction("describe_table"), Description("Columns, indexes (with size and scan count) and constraints of one table.")]
    public JsonElement DescribeTable([Description("Table name, schema-qualified (public.orders) or not")] string table)
    {
        var name = table.Trim();
        var found = _snapshot.Tables.FirstOrDefault(t => t.QualifiedName == name || $"{t.Schema}.{t.Name}" == name)
            ?? _snapshot.Tables.Where(t => t.Name == name).OrderBy(t => t.Schema == "public" ? 0 : 1).FirstOrDefault();
        if (found is null)
        {
            return Answer("describe_table", new ToolRefusal($"no table {name}; list_tables shows the names"));
        }

        var columns = _snapshot.Columns.Where(c => c.TableOid == found.Oid).OrderBy(c => c.Position)
            .Select(c => new ColumnSummary(c.Name, c.DataType, c.NotNull, c.Default is null ? null : _redactor.Sql(c.Default)))
            .ToList();
        var indexes = _snapshot.Indexes.Where(i => i.TableOid == found.Oid)
            .Select(i => new IndexSummary(SqlIdentifier.Qualify(i.Schema, i.Name), _redactor.Sql(i.Definition), i.SizeBytes, i.Scans, i.IsValid))
            .ToList();
        var constraints = _snapshot.Constraints.Where(c => c.TableOid == found.Oid && c.Kind != ConstraintKind.NotNull)
            .Select(c => new ConstraintSummary(c.Name, c.Kind.ToString(), _redactor.Sql(c.Definition)))
            .ToList();
        return Answer("describe_table", new TableDescription(found.QualifiedName, found.Kind.ToString(), Rows(found), Bytes(found.TotalBytes), columns, indexes, constraints));
    }

    [KernelFunction("list_findings"), Description("The deterministic findings, worst first, one page at a time: key, rule, severity, area, title, measured evidence.")]
    public JsonElement ListFindings(
        [Description("1-based page number")] int page = 1,
        [Description("Findings per page, at most 50")] int pageSize = 20)
    {
        var (number, size) = Paging(page, pageSize);
        var rows = _findings.Skip((number - 1) * size).Take(size)
            .Select(f => new FindingSummary(f.Key, f.RuleId, f.Severity, f.Area, _redactor.Prose(f.Title), Redact(f.Evidence), f.Remedy is not null))
            .ToList();
        return Answer("list_findings", new FindingPage(number, size, _findings.Count, rows));
    }

    [KernelFunction("explain"), Description("Plans one statement on the target without running it (EXPLAIN, estimated costs). Pass SQL, or a workload id such as W1. Returns plan nodes with costs and the plan insights.")]
    public async Task<JsonElement> ExplainAsync(
        [Description("One SQL statement ($1… placeholders are fine), or a workload id such as W1")] string statement,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await new ExplainRunner(_session!).ExplainAsync(_workload.Resolve(statement), new ExplainOptions(), cancellationToken).ConfigureAwait(false);
            var insights = PlanInsights.Evaluate(new PlanInsightContext { Result = result, Catalog = _snapshot })
                .Select(f => new InsightSummary(f.RuleId, f.Severity, _redactor.Prose(f.Title), Redact(f.Evidence)))
                .ToList();
            var nodes = Flatten(result.Plan, 0).Take(MaxPlanNodes).ToList();
            return Answer("explain", new PlanSummary(_redactor.Sql(result.Statement), result.Plan.TotalCost, result.Plan.PlanRows, nodes, insights));
        }
        catch (Exception e) when (e is ExplainRefusedException || DatabaseErrors.IsStatementRefusal(e))
        {
            return Answer("explain", new ToolRefusal(_redactor.Prose(e.Message.Split('\n')[0])));
        }
    }

    private IEnumerable<PlanNodeSummary> Flatten(PlanNode node, int depth)
    {
        var condition = node.IndexCondition ?? node.HashCondition ?? node.MergeCondition ?? node.RecheckCondition ?? node.Filter ?? node.JoinFilter;
        yield return new PlanNodeSummary(depth, node.NodeType, node.RelationName is null ? null : $"{node.Schema ?? "?"}.{node.RelationName}", node.IndexName,
            node.StartupCost, node.TotalCost, node.PlanRows, condition is null ? null : _redactor.Sql(condition));
        foreach (var child in node.Children.SelectMany(child => Flatten(child, depth + 1)))
        {
            yield return child;
        }
    }

    private List<Evidence> Redact(IEnumerable<Evidence> evidence) =>
        [.. evidence.Select(e => e with { Value = _redactor.Prose(e.Value) })];

    private JsonElement Answer<T>(string tool, T result) => _answers.Answer(tool, result);

    private static (int Page, int Size) Paging(int page, int pageSize) => (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));

    private static long Rows(TableInfo table) => (long)Math.Max(0, table.EstimatedRows);

    private static string Bytes(long bytes) => bytes switch
    {
        < 10 * 1024 => $"{bytes} bytes",
        < 10L * 1024 * 1024 => $"{bytes / 1024} kB",
        < 10L * 1024 * 1024 * 1024 => $"{bytes / (1024 * 1024)} MB",
        _ => $"{bytes / (1024L * 1024 * 1024)} GB",
    };
}
