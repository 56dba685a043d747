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

    [Fact]
    public void Dollar_quotes_keep_their_semicolons_and_the_tags_nested_in_them()
    {
        var statements = SqlScript.Split("""
            CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $outer$ BEGIN RETURN $inner$ a; $outer b $inner$; END $outer$;
            SELECT $x$;$x$, $$;$$
            """);

        Assert.Equal(
            [
                "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $outer$ BEGIN RETURN $inner$ a; $outer b $inner$; END $outer$",
                "SELECT $x$;$x$, $$;$$",
            ],
            statements);
    }

    [Fact]
    public void Nested_block_comments_are_blanked_out_whole_and_line_comments_to_the_line_end()
    {
        var statements = SqlScript.Split("/* a /* b; */ c; */ SELECT 1; SELECT /* x; */ 2 -- y; z\n, 3");

        Assert.Equal(["SELECT 1", "SELECT   2  \n, 3"], statements);
    }

    [Fact]
    public void Escape_strings_standard_strings_and_unicode_identifiers_keep_their_semicolons()
    {
        var statements = SqlScript.Split("""
            SELECT E'it\'s; x', 'it''s; here', '\';
            SELECT U&"d\0061t\+000061;" FROM t;
            SELECT 3
            """);

        Assert.Equal([@"SELECT E'it\'s; x', 'it''s; here', '\'", @"SELECT U&""d\0061t\+000061;"" FROM t", "SELECT 3"], statements);
    }

    [Fact]
    public void A_do_block_is_one_statement()
    {
        var statements = SqlScript.Split("DO $$ BEGIN PERFORM 1; RAISE NOTICE 'x;'; END $$; SELECT 2;");

        Assert.Equal(["DO $$ BEGIN PERFORM 1; RAISE NOTICE 'x;'; END $$", "SELECT 2"], statements);
    }

    [Fact]
    public void Begin_atomic_bodies_hold_together_but_a_transaction_block_splits()
    {
        var statements = SqlScript.Split("""
            CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); SELECT CASE WHEN true THEN 2 END; END;
            BEGIN; SELECT 1; END;
            CREATE TABLE t (a int CHECK (a > 0)); CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b);
            """);

        Assert.Equal(
            [
                "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); SELECT CASE WHEN true THEN 2 END; END",
                "BEGIN", "SELECT 1", "END",
                "CREATE TABLE t (a int CHECK (a > 0))", "CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)",
            ],
            statements);
    }

    [Fact]
    public void Copy_data_in_a_dump_is_skipped_and_the_copy_itself_dropped_when_replaying_for_psql()
    {
        const string dump = """
            SET client_encoding = 'UTF8';
            COPY public.t (id, name) FROM stdin;
            1	O'Brien; \N
            2	/* not a comment
            \.
            CREATE INDEX t_name ON public.t (name);
            COPY public.u FROM STDIN WITH (FORMAT csv);
            3,"x;y"
            """;

        Assert.Equal(["SET client_encoding = 'UTF8'", "CREATE INDEX t_name ON public.t (name)"], SqlScript.Split(dump, skipPsqlMetaCommands: true));
        Assert.Equal(
            ["SET client_encoding = 'UTF8'", "COPY public.t (id, name) FROM stdin", "CREATE INDEX t_name ON public.t (name)", "COPY public.u FROM STDIN WITH (FORMAT csv)"],
            SqlScript.Split(dump));
    }

    [Fact]
    public void Psql_meta_lines_are_dropped_but_backslashes_in_bodies_and_strings_are_not()
    {
        var statements = SqlScript.Split("""
            \connect shop
            \echo it's a dump
            SELECT '\x';
            \unrestrict abc
            CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT E'\\n
            \not a meta command' $$;
            """, skipPsqlMetaCommands: true);

        Assert.Equal([@"SELECT '\x'", "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT E'\\\\n\n\\not a meta command' $$"], statements);
    }

    [Fact]
    public void Without_skipping_a_meta_line_is_part_of_the_statement_it_stands_before()
    {
        Assert.Equal(["\\connect shop\nSELECT 1"], SqlScript.Split("\\connect shop\nSELECT 1;"));
    }

    [Fact]
    public void Non_ascii_text_before_and_inside_statements_keeps_their_boundaries()
    {
        var statements = SqlScript.Split("-- héllo 😀\nSELECT 'é😀'; /* ü */ SELECT \"ñ\"; SELECT 3");

        Assert.Equal(["SELECT 'é😀'", "SELECT \"ñ\"", "SELECT 3"], statements);
    }

    [Fact]
    public void An_unterminated_quote_or_comment_runs_to_the_end_of_the_text()
    {
        Assert.Equal(["SELECT 1", "SELECT 'abc; SELECT 2"], SqlScript.Split("SELECT 1; SELECT 'abc; SELECT 2"));
        Assert.Equal(["SELECT 1", "SELECT"], SqlScript.Split("SELECT 1; SELECT /* open; SELECT 2"));
        Assert.Equal(["SELECT $$ a; b"], SqlScript.Split("SELECT $$ a; b"));
        Assert.Equal(["SELECT \"a; b"], SqlScript.Split("SELECT \"a; b"));
    }

    [Fact]
    public void Text_the_lexer_rejects_or_the_grammar_does_not_know_still_splits()
    {
        var statements = SqlScript.Split("""
            SELECT 1abc; SELECT ""; foo bar;
            MERGE INTO t USING s ON true WHEN MATCHED THEN DO NOTHING RETURNING *;
            SELECT 2
            """);

        Assert.Equal(
            ["SELECT 1abc", "SELECT \"\"", "foo bar", "MERGE INTO t USING s ON true WHEN MATCHED THEN DO NOTHING RETURNING *", "SELECT 2"],
            statements);
    }

    [Fact]
    public void Empty_statements_and_blank_text_give_nothing()
    {
        Assert.Empty(SqlScript.Split(""));
        Assert.Empty(SqlScript.Split(" ;; -- only a comment\n"));
    }
}
