using DbArchitect.Agent.Planning;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Tests.Planning;

public sealed class QaChecklistTests
{
    private static readonly RunCoverage AdvisorRan = new() { SqlChecked = true, StatementsPlanned = 12, IndexCandidates = 4, IndexCandidatesCosted = 4 };

    private static Finding Make(string rule, FindingArea area = FindingArea.DataIntegrity, ChangeKind kind = ChangeKind.SchemaChange) => new()
    {
        RuleId = rule,
        Subject = "public.orders",
        Severity = Severity.High,
        Area = area,
        Title = rule,
        Rationale = "because",
        Remedy = new Remedy { Kind = kind, Strategy = MigrationStrategy.Standard, Up = "SELECT 1;", Down = "SELECT 1;" },
    };

    private static QaCheck Check(IReadOnlyList<QaCheck> checklist, int number) => checklist.Single(c => c.Id == $"DB-QA-{number}");

    [Fact]
    public void Security_is_ticked_from_the_security_rules_and_says_parameterised_queries_were_not_measured()
    {
        var clean = Check(QaChecklist.Build([], 0, AdvisorRan), 6);
        var open = Check(QaChecklist.Build([Make("application-role-superuser"), Make("ssl-off", kind: ChangeKind.Configuration)], 2, AdvisorRan), 6);

        Assert.True(clean.Done);
        Assert.StartsWith("measured this run on the live catalog: access control", clean.Evidence, StringComparison.Ordinal);
        Assert.Contains("parameterised queries not measured this run", clean.Evidence, StringComparison.Ordinal);
        Assert.False(open.Done);
        Assert.Contains("open: 2 findings (application-role-superuser, ssl-off)", open.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Security_findings_leave_the_constraints_and_configuration_lines_alone()
    {
        var checklist = QaChecklist.Build([Make("row-security-not-forced"), Make("password-encryption-md5", kind: ChangeKind.Configuration)], 2, AdvisorRan);

        Assert.True(Check(checklist, 1).Done);
        Assert.True(Check(checklist, 5).Done);
    }

    [Fact]
    public void Indexes_are_measured_when_the_advisor_costed_the_workload_and_open_while_an_index_goes_unused()
    {
        var clean = Check(QaChecklist.Build([], 0, AdvisorRan), 2);
        var unused = Check(QaChecklist.Build([Make("unused-index", FindingArea.Indexing, ChangeKind.Index)], 1, AdvisorRan), 2);

        Assert.True(clean.Done);
        Assert.Equal("measured this run: the index advisor costed 4 of 4 candidate indexes over 12 planned workload statements and proposes only indexes a plan uses; no existing index is unused, duplicate or redundant", clean.Evidence);
        Assert.False(unused.Done);
        Assert.EndsWith("open: 1 findings (unused-index)", unused.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 0, "not measured this run: no workload statement was planned")]
    [InlineData(5, 3, 0, "not measured this run: the plans of 5 workload statements suggested 3 candidate indexes, but the index advisor could cost none")]
    public void Indexes_are_not_ticked_when_the_advisor_measured_nothing(int planned, int candidates, int costed, string evidence)
    {
        var coverage = new RunCoverage { StatementsPlanned = planned, IndexCandidates = candidates, IndexCandidatesCosted = costed };

        var check = Check(QaChecklist.Build([], 0, coverage), 2);

        Assert.False(check.Done);
        Assert.StartsWith(evidence, check.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_analyze_and_rollbacks_say_what_this_run_did()
    {
        var ran = QaChecklist.Build([], 3, AdvisorRan);
        var bare = QaChecklist.Build([], 3, new RunCoverage());

        Assert.StartsWith("not measured this run: 12 workload statements were planned with EXPLAIN but never executed", Check(ran, 4).Evidence, StringComparison.Ordinal);
        Assert.StartsWith("not measured this run: no workload statement was planned", Check(bare, 4).Evidence, StringComparison.Ordinal);
        Assert.StartsWith("measured this run: 3 open items", Check(ran, 3).Evidence, StringComparison.Ordinal);
        Assert.False(Check(bare, 3).Done);
        Assert.StartsWith("not measured this run", Check(bare, 3).Evidence, StringComparison.Ordinal);
    }
}
