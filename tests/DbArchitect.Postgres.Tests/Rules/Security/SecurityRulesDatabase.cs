using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Tests.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Security;

/// <summary>
/// One of each security case in schema <c>sec</c>, each beside a near miss that must stay quiet.
/// The roles the rules judge are named through Rules:ApplicationRole, because the fixture itself
/// connects as the test server's superuser.
/// </summary>
public sealed class SecurityRulesDatabase : RuleDatabase
{
    /// <summary>A login role that owns tables, one of them with row-level security not forced.</summary>
    public string App => DatabaseName + "_app";

    /// <summary>A role with CREATEROLE and BYPASSRLS but no superuser.</summary>
    public string Operator => DatabaseName + "_ops";

    public string Root => DatabaseName + "_root";

    protected override IReadOnlyList<string> ClusterRoles => [App, Operator, Root, App + "_owner"];

    protected override IReadOnlyList<string> Steps =>
    [
        $"""
        CREATE ROLE {SqlIdentifier.Quote(App)} LOGIN;
        CREATE ROLE {SqlIdentifier.Quote(Operator)} NOLOGIN CREATEROLE BYPASSRLS;
        CREATE ROLE {SqlIdentifier.Quote(Root)} NOLOGIN SUPERUSER;
        """,
        $"""
        CREATE SCHEMA sec;
        GRANT CREATE ON SCHEMA sec TO PUBLIC;
        CREATE SCHEMA kept;

        CREATE TABLE sec.accounts (id serial PRIMARY KEY, tenant int NOT NULL);
        ALTER TABLE sec.accounts OWNER TO {SqlIdentifier.Quote(App)};
        ALTER TABLE sec.accounts ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_rows ON sec.accounts USING (tenant = current_setting('app.tenant')::int);

        CREATE TABLE sec.forced (id int);
        ALTER TABLE sec.forced OWNER TO {SqlIdentifier.Quote(App)};
        ALTER TABLE sec.forced ENABLE ROW LEVEL SECURITY;
        ALTER TABLE sec.forced FORCE ROW LEVEL SECURITY;

        CREATE TABLE sec.admin_only (id int);
        ALTER TABLE sec.admin_only ENABLE ROW LEVEL SECURITY;
        """,
        """
        CREATE FUNCTION sec.open_door(tenant integer) RETURNS integer LANGUAGE sql SECURITY DEFINER AS 'SELECT tenant';
        CREATE FUNCTION sec.pinned() RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = sec, pg_temp AS 'SELECT 1';
        REVOKE EXECUTE ON FUNCTION sec.pinned() FROM PUBLIC;
        CREATE FUNCTION sec.invoker() RETURNS integer LANGUAGE sql AS 'SELECT 1';
        """,
        // An untrusted language without plperlu or plpython3u on the server: plpgsql's own
        // handler, declared without TRUSTED.
        "CREATE LANGUAGE plraw HANDLER plpgsql_call_handler",
        "CREATE EXTENSION pgcrypto",
        $"ALTER DATABASE {SqlIdentifier.Quote(DatabaseName)} SET password_encryption = 'md5'",
    ];
}
