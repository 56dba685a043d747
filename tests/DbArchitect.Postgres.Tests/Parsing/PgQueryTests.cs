using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Tests.Parsing;

public sealed class PgQueryTests
{
    [Fact]
    public void Parse_returns_the_servers_parse_tree_as_json()
    {
        using var tree = PgQuery.Parse("SELECT 1");

        Assert.Equal(150001, tree.RootElement.GetProperty("version").GetInt32());
        Assert.True(tree.RootElement.GetProperty("stmts")[0].GetProperty("stmt").TryGetProperty("SelectStmt", out _));
    }

    [Fact]
    public void A_syntax_error_carries_the_servers_message_and_its_position_in_chars_of_the_text()
    {
        const string sql = "SELECT '😀é' FROM WHERE";

        var error = Assert.Throws<SqlParseException>(() => PgQuery.Parse(sql));

        // libpg_query counts code points, and the emoji is one code point but two chars.
        Assert.Equal("syntax error at or near \"WHERE\"", error.ServerMessage);
        Assert.Equal(19, error.Position);
        Assert.Equal("WHERE", sql[(error.Position - 1)..]);
        Assert.Equal("syntax error at or near \"WHERE\" at character 19", error.Message);
    }

    [Fact]
    public void Split_turns_the_parsers_byte_offsets_into_char_offsets()
    {
        const string sql = "SELECT 'éé😀'; SELECT 2";

        var statements = PgQuery.Split(sql);

        Assert.Equal([new SqlStatementSpan("SELECT 'éé😀'", 0, 13), new SqlStatementSpan(" SELECT 2", 14, 9)], statements);
    }

    [Fact]
    public void Split_fails_with_the_position_of_a_syntax_error()
    {
        var error = Assert.Throws<SqlParseException>(() => PgQuery.Split("SELECT 1; SELEC 2"));

        Assert.Equal(11, error.Position);
    }

    [Fact]
    public void Normalize_replaces_constants_with_parameters()
    {
        Assert.Equal("SELECT * FROM t WHERE a = $1 AND b = $2", PgQuery.Normalize("SELECT * FROM t WHERE a = 1 AND b = 'x'"));
    }

    [Fact]
    public void Fingerprint_is_equal_for_statements_that_differ_in_constants_whitespace_and_comments_only()
    {
        Assert.Equal("50fde20626009aba", PgQuery.Fingerprint("SELECT 1"));
        Assert.Equal("50fde20626009aba", PgQuery.Fingerprint("select   2 -- two"));
        Assert.Equal(PgQuery.Fingerprint("SELECT * FROM t WHERE a = 1"), PgQuery.Fingerprint("SELECT *\nFROM t WHERE a = 42 /* x */"));
        Assert.NotEqual(PgQuery.Fingerprint("SELECT * FROM t WHERE a = 1"), PgQuery.Fingerprint("SELECT * FROM u WHERE a = 1"));
    }

    [Fact]
    public void Scan_returns_every_token_comments_included_in_chars_of_the_text()
    {
        var tokens = PgQuery.Scan("SELECT é -- x\n/* a /* b */ c */;");

        Assert.Equal(
            [
                new SqlScanToken(0, 6, 625, KeywordKind.Reserved, "SELECT"),
                new SqlScanToken(7, 1, SqlScanToken.Identifier, KeywordKind.None, "é"),
                new SqlScanToken(9, 4, SqlScanToken.SqlComment, KeywordKind.None, "-- x"),
                new SqlScanToken(14, 17, SqlScanToken.CComment, KeywordKind.None, "/* a /* b */ c */"),
                new SqlScanToken(31, 1, ';', KeywordKind.None, ";"),
            ],
            tokens);
        Assert.Equal([false, false, true, true, false], tokens.Select(t => t.IsComment));
    }

    [Fact]
    public void Scan_gives_unicode_escaped_names_and_strings_their_whole_text()
    {
        // libpg_query reports these two token kinds with the length of their last quote only.
        var tokens = PgQuery.Scan("SELECT U&\"d\\0061t\\+000061\" , U&'a''b'\n  FROM t");

        Assert.Equal(["SELECT", "U&\"d\\0061t\\+000061\"", ",", "U&'a''b'", "FROM", "t"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Scan_fails_on_an_unterminated_quote_with_its_position()
    {
        var error = Assert.Throws<SqlParseException>(() => PgQuery.Scan("SELECT 'é' x 'abc"));

        Assert.Equal(14, error.Position);
        Assert.StartsWith("unterminated quoted string", error.ServerMessage, StringComparison.Ordinal);
    }
}
