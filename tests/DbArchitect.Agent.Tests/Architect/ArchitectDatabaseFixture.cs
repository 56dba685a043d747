using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Planning;
using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Reporting;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Tools;
using DbArchitect.Postgres.Workload;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Agent.Tests.Architect;

/// <summary>
/// A small shop database (customers, orders without an index on the foreign key), two workload
/// statements with literals in them, and the architect's input built once the way analyze builds it.
/// </summary>
public sealed class ArchitectDatabaseFixture : DatabaseFixture, IAsyncLifetime
{
    public const string SecretStatus = "status-kx93qz";
    public const string SecretTotal = "31337";
    public const string SecretCustomer = "4242";

    public static readonly string[] Literals = [SecretStatus, SecretTotal, SecretCustomer];

    public static readonly IReadOnlyList<WorkloadStatement> Workload =
    [
        new() { Text = $"SELECT id, total FROM public.orders WHERE status = '{SecretStatus}' AND total > {SecretTotal}", Source = WorkloadSource.File },
        new() { Text = $"SELECT id, status FROM public.orders WHERE customer_id = {SecretCustomer}", Source = WorkloadSource.File },
    ];

    private ArchitectInput? _input;

    public TargetSession Session { get; private set; } = null!;

    /// <summary>The shop database's catalog, as the facts read it.</summary>
    public CatalogSnapshot Snapshot { get; private set; } = null!;

    public ArchitectInput Input => _input ?? throw new InvalidOperationException("fixture not initialised");

    protected override async Task OnCreatedAsync()
    {
        await ExecuteAsync("""
            CREATE TABLE public.customers (
                id bigint PRIMARY KEY,
                email text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE public.orders (
                id bigint PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES public.customers (id),
                status text NOT NULL,
                total numeric(12,2) NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO public.customers (id, email) SELECT g, 'c' || g || '@example.com' FROM generate_series(1, 2000) g;
            INSERT INTO public.orders (id, customer_id, status, total)
                SELECT g, 1 + g % 2000, (ARRAY['new', 'paid', 'shipped'])[1 + g % 3], g % 500 FROM generate_series(1, 20000) g;
            ANALYZE;
            """);

        Session = TargetSession.Open(AdminConnectionString);
        var facts = await new FactsCollector(Session).CollectAsync(new RuleOptions(), CancellationToken.None);

        // Plan insights on the literal statements, as the workload stage makes them: their titles
        // and evidence quote the statements, which is what redaction must catch.
        var runner = new ExplainRunner(Session);
        var insights = new List<Finding>();
        foreach (var statement in Workload)
        {
            var plan = await runner.ExplainAsync(statement.Text, new ExplainOptions(), CancellationToken.None);
            insights.AddRange(PlanInsights.Evaluate(new PlanInsightContext { Result = plan, Catalog = facts.Snapshot }));
        }

        var findings = FindingRanking.Rank(RuleEngine.Evaluate(facts, RuleCatalog.All).Concat(insights));
        var planned = new DeterministicPlanner().Plan(findings);
        var context = ContextBuilder.Build(facts.Snapshot, "database shop on the test server", "deterministic planner (no model)", planned.PainPoints);
        Snapshot = facts.Snapshot;
        _input = new ArchitectInput
        {
            Engine = new PostgresArchitectEngine(facts.Snapshot, findings, Workload, Session, sqlChecker: null),
            Findings = findings,
            Fallback = TodoAssembler.Assemble(context, planned, findings, new RunCoverage()),
            Generator = "scripted model, architect.system v2",
        };
    }

    public new async Task DisposeAsync()
    {
        if (_input is not null)
        {
            await Session.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>One shop database for every architect test class: its facts take a few seconds to collect.</summary>
[CollectionDefinition(Name)]
public sealed class ArchitectDatabaseCollection : ICollectionFixture<ArchitectDatabaseFixture>
{
    public const string Name = "architect database";
}
