using DbArchitect.Core.Failures;
using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Scratch;
using DbArchitect.Postgres.Validation;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Validation;

public sealed class SchemaClonerTests(WeirdSchemaFixture target, ScratchClusterFixture scratch)
    : IClassFixture<WeirdSchemaFixture>, IClassFixture<ScratchClusterFixture>
{
    private const string ColumnsSql = """
        SELECT string_agg(n.nspname || '.' || c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod), E'\n'
                          ORDER BY n.nspname, c.relname, a.attnum)
        FROM pg_attribute AS a
        JOIN pg_class AS c ON c.oid = a.attrelid
        JOIN pg_namespace AS n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relkind IN ('r', 'i', 'p')
        """;

    [Fact]
    public async Task Cloning_a_schema_with_weird_identifiers_keeps_every_name_and_type()
    {
        var clone = await SchemaCloner.CloneSchemaAsync(target.AdminConnectionString, scratch.Cluster, CancellationToken.None);

        Assert.Equal(await ScalarAsync<string>(target.AdminConnectionString, ColumnsSql), await ScalarAsync<string>(clone, ColumnsSql));
        Assert.Equal(42, await ScalarAsync<int>(clone, "SELECT \"Sales & Co\".\"Answer\"()"));
        Assert.Equal(0L, await ScalarAsync<long>(clone, $"SELECT count(*) FROM {WeirdSchemaFixture.LongName}"));
        Assert.Equal("a comment; with a semicolon", await ScalarAsync<string>(clone, $"SELECT obj_description('{WeirdSchemaFixture.LongName}'::regclass)"));
    }

    [Fact]
    public async Task Roles_of_the_target_that_the_scratch_cluster_lacks_are_created_there_as_stand_ins_without_login()
    {
        var role = target.DatabaseName + "_ops";
        await target.ExecuteAsync($"CREATE ROLE {role} LOGIN CREATEROLE BYPASSRLS SUPERUSER");
        try
        {
            var clone = await SchemaCloner.CloneSchemaAsync(target.AdminConnectionString, scratch.Cluster, CancellationToken.None);

            Assert.Equal("f t t f", await ScalarAsync<string>(clone,
                $"SELECT concat_ws(' ', rolcanlogin, rolcreaterole, rolbypassrls, rolsuper) FROM pg_roles WHERE rolname = '{role}'"));
        }
        finally
        {
            await target.ExecuteAsync($"DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task The_checker_tries_sql_for_the_target_against_its_clone()
    {
        var clone = await SchemaCloner.CloneSchemaAsync(target.AdminConnectionString, scratch.Cluster, CancellationToken.None);
        await using var checker = new ScratchSqlChecker(clone);

        var errors = await checker.CheckAsync(
            [
                new SqlBlock("good", "CREATE INDEX CONCURRENTLY \"camel_idx\" ON \"Sales & Co\".\"Order \"\"Items\"\"\" (\"CamelCase\");"),
                new SqlBlock("bad", "ALTER TABLE \"Sales & Co\".\"Order Items\" ADD COLUMN note text;"),
            ],
            CancellationToken.None);

        Assert.Equal("bad", Assert.Single(errors).Origin);
    }

    [Fact]
    public async Task A_target_that_cannot_be_read_fails_with_one_clear_line_and_no_password()
    {
        var unreadable = new NpgsqlConnectionStringBuilder(target.AdminConnectionString) { Database = "no_such_database", Password = "s3cret-word" };

        var failure = await Assert.ThrowsAsync<DbArchitectException>(
            () => SchemaCloner.CloneSchemaAsync(unreadable.ConnectionString, scratch.Cluster, CancellationToken.None));

        Assert.Equal(FailureKind.Unreachable, failure.Kind);
        Assert.Contains("no_such_database", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-word", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dump_loads_past_an_extension_this_machine_lacks_leaving_out_only_what_is_built_on_it()
    {
        var clone = await scratch.Cluster.CreateDatabaseAsync("load_" + Guid.NewGuid().ToString("N")[..8], CancellationToken.None);

        await SchemaCloner.LoadAsync(clone, """
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE SCHEMA shop;
            CREATE TABLE shop.before_extension (id int);
            CREATE EXTENSION no_such_extension WITH SCHEMA shop;
            CREATE TABLE shop.built_on_it (shape shop.no_such_type);
            CREATE TABLE shop.after_extension (id int);
            """, CancellationToken.None);

        Assert.Equal("after_extension, before_extension", await ScalarAsync<string>(clone, "SELECT string_agg(relname, ', ' ORDER BY relname) FROM pg_class WHERE relnamespace = 'shop'::regnamespace"));
    }

    [Fact]
    public async Task A_statement_the_copy_refuses_fails_the_load_with_the_servers_message_and_the_statement()
    {
        var clone = await scratch.Cluster.CreateDatabaseAsync("load_" + Guid.NewGuid().ToString("N")[..8], CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ScratchClusterException>(() => SchemaCloner.LoadAsync(clone, """
            CREATE TABLE public.first (id int);
            CREATE TABLE public.first (id int);
            """, CancellationToken.None));

        Assert.Contains("relation \"first\" already exists (in: CREATE TABLE public.first (id int))", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
