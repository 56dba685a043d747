using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Explain;
using DbArchitect.Postgres.Explain.Insights;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Workload;

namespace DbArchitect.Testing;

/// <summary>
/// A small shop database (customers, orders without an index on the foreign key), two workload
/// statements with literals in them, and its facts and findings as the analysis makes them: what
/// the engine's tools answer from and what the model architect works on.
/// </summary>
public class ShopWorkloadFixture : DatabaseFixture
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

    private TargetSession? _session;
    private CatalogSnapshot? _snapshot;
    private IReadOnlyList<Finding>? _findings;

    public TargetSession Session => _session ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary>The shop database's catalog, as the facts read it.</summary>
    public CatalogSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary>The rules' findings and the workload's plan insights, ranked.</summary>
    public IReadOnlyList<Finding> Findings => _findings ?? throw new InvalidOperationException("fixture not initialised");

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
            """).ConfigureAwait(false);

        _session = TargetSession.Open(AdminConnectionString);
        var facts = await new FactsCollector(_session).CollectAsync(new RuleOptions(), CancellationToken.None).ConfigureAwait(false);

        // Plan insights on the literal statements, as the workload stage makes them: their titles
        // and evidence quote the statements, which is what redaction must catch.
        var runner = new ExplainRunner(_session);
        var insights = new List<Finding>();
        foreach (var statement in Workload)
        {
            var plan = await runner.ExplainAsync(statement.Text, new ExplainOptions(), CancellationToken.None).ConfigureAwait(false);
            insights.AddRange(PlanInsights.Evaluate(new PlanInsightContext { Result = plan, Catalog = facts.Snapshot }));
        }

        _snapshot = facts.Snapshot;
        _findings = FindingRanking.Rank(RuleEngine.Evaluate(facts, RuleCatalog.All).Concat(insights));
    }

    public override async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }
}
