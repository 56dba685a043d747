using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Security;
using static DbArchitect.Postgres.Tests.Rules.Support.HandBuiltFacts;

namespace DbArchitect.Postgres.Tests.Rules.Security;

public sealed class SecurityRuleLogicTests
{
    private static SettingInfo Setting(string name, string value) => new() { Name = name, Value = value };

    [Fact]
    public void Ssl_off_on_a_server_listening_on_all_addresses_is_reported_with_alter_system_ssl_on()
    {
        var snapshot = Snapshot with { Settings = [Setting("ssl", "off"), Setting("listen_addresses", "*")] };

        var finding = Assert.Single(new SslOffRule().Evaluate(Facts(snapshot)));

        Assert.Equal("ALTER SYSTEM SET ssl = 'on';\nSELECT pg_reload_conf();", finding.Remedy!.Up);
        Assert.Equal("ALTER SYSTEM RESET ssl;\nSELECT pg_reload_conf();", finding.Remedy.Down);
    }

    [Theory]
    [InlineData("off", "localhost, 127.0.0.1, ::1")]
    [InlineData("off", "")]
    [InlineData("on", "*")]
    public void Ssl_is_not_reported_when_on_or_when_only_loopback_and_sockets_listen(string ssl, string listen)
    {
        var snapshot = Snapshot with { Settings = [Setting("ssl", ssl), Setting("listen_addresses", listen)] };

        Assert.Empty(new SslOffRule().Evaluate(Facts(snapshot)));
    }

    [Fact]
    public void Settings_the_session_could_not_read_are_unknown_and_not_reported()
    {
        Assert.Empty(new SslOffRule().Evaluate(Facts(Snapshot)));
        Assert.Empty(new PasswordEncryptionMd5Rule().Evaluate(Facts(Snapshot)));
        Assert.Empty(new PasswordEncryptionMd5Rule().Evaluate(Facts(Snapshot with { Settings = [Setting("password_encryption", "scram-sha-256")] })));
    }

    [Fact]
    public void An_application_role_the_server_does_not_know_leaves_the_role_rules_quiet()
    {
        var snapshot = Snapshot with
        {
            Server = Snapshot.Server with { ConnectedRole = "postgres" },
            Roles = [new RoleInfo { Name = "postgres", Superuser = true, CreateRole = true, BypassRowLevelSecurity = true }],
            Tables = [Table(1, "orders") with { Owner = "postgres", RowLevelSecurity = true }],
        };

        Assert.Single(new ApplicationRoleSuperuserRule().Evaluate(Facts(snapshot)));
        var options = new RuleOptions { ApplicationRole = "shop_app" };
        Assert.Empty(new ApplicationRoleSuperuserRule().Evaluate(Facts(snapshot, options)));
        Assert.Empty(new ApplicationRoleOwnsTablesRule().Evaluate(Facts(snapshot, options)));
        Assert.Empty(new RowSecurityNotForcedRule().Evaluate(Facts(snapshot, options)));
    }

    [Fact]
    public void An_untrusted_language_from_an_extension_is_dropped_with_the_extension_and_one_in_use_is_left_to_a_person()
    {
        var snapshot = Snapshot with
        {
            Languages =
            [
                new LanguageInfo { Name = "c" },
                new LanguageInfo { Name = "internal" },
                new LanguageInfo { Name = "plpgsql", Trusted = true, Handler = "plpgsql_call_handler" },
                new LanguageInfo { Name = "plperlu", Handler = "plperlu_call_handler", Extension = "plperlu" },
                new LanguageInfo { Name = "plpython3u", Handler = "plpython3_call_handler", Extension = "plpython3u", Routines = 2 },
            ],
        };

        var findings = new UntrustedLanguageRule().Evaluate(Facts(snapshot)).ToList();

        Assert.Equal(["language plperlu", "language plpython3u"], findings.Select(f => f.Subject));
        Assert.Equal(("DROP EXTENSION plperlu;", "CREATE EXTENSION plperlu;"), (findings[0].Remedy!.Up, findings[0].Remedy!.Down));
        Assert.Null(findings[1].Remedy);
    }

    [Fact]
    public void A_shadowing_extension_that_cannot_be_relocated_is_reported_without_a_remedy()
    {
        var snapshot = Snapshot with
        {
            Extensions = [new ExtensionInfo("postgis", "3.4", "3.4") { Schema = "public", ShadowingFunctions = ["st_area"] }],
        };

        var finding = Assert.Single(new ExtensionShadowingRule().Evaluate(Facts(snapshot)));

        Assert.Null(finding.Remedy);
    }
}
