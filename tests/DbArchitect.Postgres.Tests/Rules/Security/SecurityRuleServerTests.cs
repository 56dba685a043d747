using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Rules.Security;
using DbArchitect.Postgres.Rules.Support;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Security;

public sealed class SecurityRuleServerTests(SecurityRulesDatabase database) : IClassFixture<SecurityRulesDatabase>
{
    private Task<IReadOnlyList<Finding>> AsApplicationAsync(ISchemaRule rule, string role) =>
        database.EvaluateAsync(rule, new RuleOptions { ApplicationRole = role });

    [Fact]
    public async Task A_superuser_application_role_is_high_and_loses_superuser_with_a_rollback_that_restores_it()
    {
        var finding = Assert.Single(await AsApplicationAsync(new ApplicationRoleSuperuserRule(), database.Root));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal($"ALTER ROLE {database.Root} NOSUPERUSER;", finding.Remedy!.Up);
        Assert.Contains(finding.Evidence, e => e.Value.Contains("Rules:ApplicationRole", StringComparison.Ordinal));
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
        Assert.Empty(await AsApplicationAsync(new ApplicationRoleSuperuserRule(), database.App));
    }

    [Fact]
    public async Task The_connecting_superuser_is_judged_by_default_and_gets_a_separate_login_role_for_the_application()
    {
        var finding = Assert.Single(await database.EvaluateAsync(new ApplicationRoleSuperuserRule()));

        Assert.Contains("the role analyze connected as", finding.Evidence[0].Value, StringComparison.Ordinal);
        Assert.Matches("^CREATE ROLE .+_app LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS;\n", finding.Remedy!.Up);
        Assert.Contains("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA sec TO ", finding.Remedy.Up, StringComparison.Ordinal);
        Assert.StartsWith("DROP OWNED BY ", finding.Remedy.Down, StringComparison.Ordinal);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Createrole_and_bypassrls_are_reported_together_and_revoked_together()
    {
        var finding = Assert.Single(await AsApplicationAsync(new ApplicationRolePrivilegedRule(), database.Operator));

        Assert.Equal($"ALTER ROLE {database.Operator} NOCREATEROLE NOBYPASSRLS;", finding.Remedy!.Up);
        Assert.Equal($"ALTER ROLE {database.Operator} CREATEROLE BYPASSRLS;", finding.Remedy.Down);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);

        // A superuser has both attributes too; its own finding says enough.
        Assert.Empty(await AsApplicationAsync(new ApplicationRolePrivilegedRule(), database.Root));
    }

    [Fact]
    public async Task Tables_the_application_role_owns_move_to_an_owner_role_and_the_application_keeps_row_privileges()
    {
        var finding = Assert.Single(await AsApplicationAsync(new ApplicationRoleOwnsTablesRule(), database.App));

        Assert.Equal(["sec.accounts", "sec.forced"], finding.Tables);
        Assert.StartsWith($"CREATE ROLE {database.App}_owner NOLOGIN;", finding.Remedy!.Up, StringComparison.Ordinal);
        Assert.EndsWith($"DROP ROLE {database.App}_owner;", finding.Remedy.Down, StringComparison.Ordinal);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Moving_the_tables_hands_them_and_their_sequences_to_the_owner_role_and_the_rollback_hands_them_back()
    {
        var remedy = Assert.Single(await AsApplicationAsync(new ApplicationRoleOwnsTablesRule(), database.App)).Remedy!;

        // A never-granted table has no ACL; once granted and revoked it has its owner's defaults spelled out. Both mean the same.
        const string state =
            "SELECT string_agg(c.relname || ':' || pg_get_userbyid(c.relowner) || ':' || coalesce(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner))::text, ' ' ORDER BY c.relname) " +
            "FROM pg_class c WHERE c.relnamespace = 'sec'::regnamespace AND c.relkind IN ('r', 'S')";
        var before = await database.ScalarAsync<string>(state);

        await database.ExecuteAsync(remedy.Up);
        var moved = await database.ScalarAsync<string>(state);
        await database.ExecuteAsync(remedy.Down);

        Assert.Contains($"accounts:{database.App}_owner:", moved, StringComparison.Ordinal);
        Assert.Contains($"accounts_id_seq:{database.App}_owner:", moved, StringComparison.Ordinal);
        Assert.Contains($"{database.App}=arwd/{database.App}_owner", moved, StringComparison.Ordinal);
        Assert.Contains($"{database.App}=U/{database.App}_owner", moved, StringComparison.Ordinal);
        Assert.DoesNotContain($"admin_only:{database.App}_owner", moved, StringComparison.Ordinal);
        Assert.Equal(before, await database.ScalarAsync<string>(state));
    }

    [Fact]
    public async Task Row_security_not_forced_is_reported_only_where_the_application_role_owns_the_table()
    {
        var finding = Assert.Single(await AsApplicationAsync(new RowSecurityNotForcedRule(), database.App));

        Assert.Equal("sec.accounts", finding.Subject);
        Assert.Equal("ALTER TABLE sec.accounts FORCE ROW LEVEL SECURITY;", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Create_granted_to_public_on_a_schema_is_revoked()
    {
        var finding = Assert.Single(await database.EvaluateAsync(new PublicCreateOnSchemaRule()));

        Assert.Equal("schema sec", finding.Subject);
        Assert.Equal("REVOKE CREATE ON SCHEMA sec FROM PUBLIC;", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task A_security_definer_routine_with_default_privileges_and_no_search_path_is_reported_by_both_rules()
    {
        var execute = Assert.Single(await database.EvaluateAsync(new SecurityDefinerPublicExecuteRule()));
        var path = Assert.Single(await database.EvaluateAsync(new SecurityDefinerSearchPathRule()));

        Assert.Equal("sec.open_door(tenant integer)", execute.Subject);
        Assert.Equal("REVOKE EXECUTE ON ROUTINE sec.open_door(tenant integer) FROM PUBLIC;", execute.Remedy!.Up);
        Assert.Equal("ALTER ROUTINE sec.open_door(tenant integer) SET search_path = sec, pg_temp;", path.Remedy!.Up);
        Assert.Equal(Severity.High, path.Severity);
        await RemedyProof.AssertUpAndDownRunAsync(database, execute);
        await RemedyProof.AssertUpAndDownRunAsync(database, path);
    }

    [Fact]
    public async Task An_untrusted_language_without_routines_is_dropped_and_recreated_with_its_handler()
    {
        var finding = Assert.Single(await database.EvaluateAsync(new UntrustedLanguageRule()));

        Assert.Equal("language plraw", finding.Subject);
        Assert.Equal("CREATE LANGUAGE plraw HANDLER plpgsql_call_handler;", finding.Remedy!.Down);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Pgcrypto_in_public_twins_gen_random_uuid_of_pg_catalog_and_moves_to_its_own_schema()
    {
        var finding = Assert.Single(await database.EvaluateAsync(new ExtensionShadowingRule()));

        Assert.Equal("extension pgcrypto", finding.Subject);
        Assert.Contains("gen_random_uuid", finding.Evidence[1].Value, StringComparison.Ordinal);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Md5_password_encryption_for_the_database_is_reported_with_alter_system()
    {
        var finding = Assert.Single(await database.EvaluateAsync(new PasswordEncryptionMd5Rule()));

        Assert.Equal("ALTER SYSTEM SET password_encryption = 'scram-sha-256';\nSELECT pg_reload_conf();", finding.Remedy!.Up);
        await RemedyProof.AssertUpAndDownRunAsync(database, finding);
    }

    [Fact]
    public async Task Ssl_off_is_reported_only_when_the_test_server_listens_beyond_loopback()
    {
        var facts = await database.CollectAsync();
        var listen = facts.Snapshot.Setting("listen_addresses")!.Value;

        var findings = new SslOffRule().Evaluate(facts).ToList();

        Assert.Equal("off", facts.Snapshot.Setting("ssl")!.Value);
        Assert.Equal(listen is "127.0.0.1" or "localhost" or "" ? 0 : 1, findings.Count);
    }
}
