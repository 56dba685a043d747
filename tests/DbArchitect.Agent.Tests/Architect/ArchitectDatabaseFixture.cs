using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Planning;
using DbArchitect.Postgres.Reporting;
using DbArchitect.Postgres.Tools;
using DbArchitect.Testing;

namespace DbArchitect.Agent.Tests.Architect;

/// <summary>The shop database and its findings (<see cref="ShopWorkloadFixture"/>), with the architect's input built once the way analyze builds it.</summary>
public sealed class ArchitectDatabaseFixture : ShopWorkloadFixture
{
    private ArchitectInput? _input;

    public ArchitectInput Input => _input ?? throw new InvalidOperationException("fixture not initialised");

    protected override async Task OnCreatedAsync()
    {
        await base.OnCreatedAsync();
        var planned = new DeterministicPlanner().Plan(Findings);
        var context = ContextBuilder.Build(Snapshot, "database shop on the test server", "deterministic planner (no model)", planned.PainPoints);
        _input = new ArchitectInput
        {
            Engine = new PostgresArchitectEngine(Snapshot, Findings, Workload, Session, sqlChecker: null),
            Findings = Findings,
            Fallback = TodoAssembler.Assemble(context, planned, Findings, new RunCoverage()),
            Generator = "scripted model, architect.system v2",
        };
    }
}

/// <summary>One shop database for every architect test class: its facts take a few seconds to collect.</summary>
[CollectionDefinition(Name)]
public sealed class ArchitectDatabaseCollection : ICollectionFixture<ArchitectDatabaseFixture>
{
    public const string Name = "architect database";
}
