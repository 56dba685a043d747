using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Tests.Validation;

public sealed class SqlScriptTests
{
    [Fact]
    public void Semicolons_inside_quotes_dollar_quotes_and_atomic_bodies_do_not_split()
    {
        var statements = SqlScript.Split("""
            INSERT INTO t VALUES ('a;b', E'it\'s;', "odd;name");
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;
            CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;
            SELECT $1
            """);

        Assert.Equal(4, statements.Count);
        Assert.EndsWith("END", statements[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_are_dropped_and_psql_meta_commands_skipped_when_asked()
    {
        var statements = SqlScript.Split("""
            \restrict abc123
            -- a comment; with a semicolon
            /* nested /* block; */ comment */ SELECT 1;
            \unrestrict abc123
            """, skipPsqlMetaCommands: true);

        Assert.Equal(["SELECT 1"], statements);
    }
}
