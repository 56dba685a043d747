using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Sessions;
using DbArchitect.Postgres.Tests.Rules.Support;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Rules.Security;

/// <summary>
/// The same kinds of objects done right: a NOLOGIN owner role owns the schema, tables and routines,
/// and the analysis connects as a plain login role that owns nothing and holds only its grants.
/// </summary>
public sealed class CleanSecurityDatabase : RuleDatabase
{
    private const string ReaderPassword = "reader-secret-1";

    public string Owner => DatabaseName + "_owner";

    public string Reader => DatabaseName + "_reader";

    protected override IReadOnlyList<string> ClusterRoles => [Reader, Owner];

    protected override IReadOnlyList<string> Steps =>
    [
        $"""
        CREATE ROLE {SqlIdentifier.Quote(Owner)} NOLOGIN;
        CREATE ROLE {SqlIdentifier.Quote(Reader)} LOGIN PASSWORD {SqlIdentifier.Literal(ReaderPassword)};
        """,
        $"""
        CREATE SCHEMA app AUTHORIZATION {SqlIdentifier.Quote(Owner)};
        CREATE TABLE app.accounts (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant int NOT NULL);
        ALTER TABLE app.accounts OWNER TO {SqlIdentifier.Quote(Owner)};
        ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_rows ON app.accounts USING (tenant = current_setting('app.tenant', true)::int);
        CREATE FUNCTION app.tenant_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = app, pg_temp
            AS 'SELECT count(*) FROM accounts';
        ALTER FUNCTION app.tenant_count() OWNER TO {SqlIdentifier.Quote(Owner)};
        REVOKE EXECUTE ON FUNCTION app.tenant_count() FROM PUBLIC;
        GRANT USAGE ON SCHEMA app TO {SqlIdentifier.Quote(Reader)};
        GRANT SELECT, INSERT ON app.accounts TO {SqlIdentifier.Quote(Reader)};
        GRANT EXECUTE ON FUNCTION app.tenant_count() TO {SqlIdentifier.Quote(Reader)};
        """,
    ];

    /// <summary>Facts as the plain login role collects them, through the product's read-only session.</summary>
    public async Task<AnalysisFacts> CollectAsReaderAsync()
    {
        var asReader = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Username = Reader, Password = ReaderPassword }.ConnectionString;
        await using var target = TargetDataSource.Create(asReader);
        return await new FactsCollector(target).CollectAsync(new RuleOptions(), CancellationToken.None);
    }
}
