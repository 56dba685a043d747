using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Security;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Security;

public sealed class CleanSecurityRuleServerTests(CleanSecurityDatabase database) : IClassFixture<CleanSecurityDatabase>
{
    [Fact]
    public async Task A_plain_login_role_owning_nothing_on_a_well_kept_schema_gets_no_security_findings()
    {
        var facts = await database.CollectAsReaderAsync();

        Assert.Equal(database.Reader, facts.Snapshot.Server.ConnectedRole);
        Assert.Contains(facts.Snapshot.SecurityDefinerFunctions, f => f.Signature == "app.tenant_count()");

        // ssl-off depends on the test server's network, which SecurityRuleServerTests covers.
        var findings = RuleFamilies.Security.Where(rule => rule is not SslOffRule).SelectMany(rule => rule.Evaluate(facts)).ToList();

        Assert.Empty(findings);
    }
}
