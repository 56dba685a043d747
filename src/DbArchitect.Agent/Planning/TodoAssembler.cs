using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Planning;

/// <summary>Puts context, plan, items, commands and the QA checklist together into one document.</summary>
public static class TodoAssembler
{
    public static TodoDocument Assemble(TodoContext context, PlannedWork planned, IReadOnlyList<Finding> findings, RunCoverage coverage) => new()
    {
        Context = context,
        Plan = planned.Plan,
        Items = planned.Items,
        Commands =
        [
            new CommandLine { Purpose = "Re-run the analysis; resolved items are ticked with evidence, new findings get new IDs", Command = "dbarch analyze --connection \"$DATABASE_URL\" --out ." },
            new CommandLine { Purpose = "Apply one item's change (copy its SQL block into a file first; CONCURRENTLY statements must run outside a transaction)", Command = "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f db-item.sql" },
            new CommandLine { Purpose = "Gate CI on new high-severity findings", Command = "dbarch analyze --connection \"$STAGING_DATABASE_URL\" --format json --fail-on high > dbarch-report.json" },
        ],
        QualityChecklist = QaChecklist.Build(findings, planned.Items.Count, coverage),
    };
}
