using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Tests.Parsing;

public sealed class ScriptScannerTests
{
    private const string Script = """
        -- héllo; 😀
        SELECT 'a'
          'continued; string', E'it\'s', $body$ x; $inner$ y $inner$ $body$, "qu;oted", U&"d\0061t" FROM t;
        /* a /* nested; */ comment */ CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
        SELECT 1.5e3, $1, a->>'k' -- trailing
        ;
        """;

    private const string Rejections = "SELECT 1abc;\nSELECT \"\";\nSELECT 2;\nSELECT 'open;\nSELECT 3";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(100)]
    public void Chunks_of_any_size_give_the_tokens_of_one_scan_of_the_whole_text(int chunkBytes)
    {
        Assert.Equal(Tokens(Script, int.MaxValue), Tokens(Script, chunkBytes));
        Assert.Equal(Tokens(Rejections, int.MaxValue), Tokens(Rejections, chunkBytes));
        Assert.Equal(11, Tokens(Rejections, chunkBytes).Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public void An_unterminated_quote_is_one_rejected_token_to_the_end(int chunkBytes)
    {
        const string sql = "SELECT 1;\nSELECT 'abc;\nSELECT 2";

        var tokens = Tokens(sql, chunkBytes);

        Assert.Equal((ScriptScanner.Rejected, "'abc;\nSELECT 2"), tokens[^1]);
        Assert.Equal(5, tokens.Count);
    }

    [Fact]
    public void Junk_the_lexer_rejects_is_one_token_and_scanning_goes_on_after_it()
    {
        Assert.Equal(
            [(625, "SELECT"), (ScriptScanner.Rejected, "1abc"), (';', ";"), (625, "SELECT"), (ScriptScanner.Rejected, "\"\""), (';', ";")],
            Tokens("SELECT 1abc; SELECT \"\";", int.MaxValue));
    }

    [Fact]
    public void An_unterminated_comment_is_a_comment_to_the_end()
    {
        Assert.Equal([(625, "SELECT"), (SqlScanToken.CComment, "/* open; SELECT 2")], Tokens("SELECT /* open; SELECT 2", int.MaxValue));
    }

    [Fact]
    public void Skipping_into_the_middle_of_a_token_scans_again_from_there()
    {
        const string sql = "\\echo it's\nSELECT 1";
        var input = new Utf8Text(sql);
        using var scanner = new ScriptScanner(input);

        scanner.SkipTo(sql.IndexOf('\n') + 1);

        Assert.True(scanner.TryNext(out var token));
        Assert.Equal("SELECT", sql[token.Start..token.End]);
    }

    private static List<(int Token, string Text)> Tokens(string sql, int chunkBytes)
    {
        var input = new Utf8Text(sql);
        using var scanner = new ScriptScanner(input, chunkBytes);
        var tokens = new List<(int, string)>();
        while (scanner.TryNext(out var token))
        {
            tokens.Add((token.Token, System.Text.Encoding.UTF8.GetString(input.Bytes, token.Start, token.End - token.Start)));
        }

        return tokens;
    }
}
