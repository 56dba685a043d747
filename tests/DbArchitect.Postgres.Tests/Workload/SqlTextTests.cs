using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Tests.Workload;

public sealed class SqlTextTests
{
    [Fact]
    public void Workload_file_splits_on_semicolons_outside_strings_comments_and_dollar_quotes()
    {
        const string script = """
            -- top queries; copied from the app
            SELECT 'a;b' FROM t WHERE x = 1;
            /* block; comment */ SELECT "we;ird" FROM t;
            SELECT $$ dollar ; quoted $$, $tag$ ; $tag$;
            -- only a comment;
            SELECT E'it\'s;' FROM t
            """;

        var statements = WorkloadFile.Parse(script);

        Assert.Equal(4, statements.Count);
        Assert.Equal("SELECT 'a;b' FROM t WHERE x = 1", statements[0].Text.Split('\n')[^1]);
        Assert.EndsWith("SELECT \"we;ird\" FROM t", statements[1].Text, StringComparison.Ordinal);
        Assert.Equal("SELECT $$ dollar ; quoted $$, $tag$ ; $tag$", statements[2].Text);
        Assert.EndsWith("SELECT E'it\\'s;' FROM t", statements[3].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM t WHERE id = 42 AND name = 'bob'", "SELECT * FROM t WHERE id = $1 AND name = $2")]
    [InlineData("select  a1, \"col 2\"\n from t2 where x in (1, 2.5)", "select a1, \"col 2\" from t2 where x in ($1, $2)")]
    [InlineData("SELECT x FROM t WHERE id = $1 -- trailing", "SELECT x FROM t WHERE id = $1")]
    public void Normalize_replaces_constants_and_collapses_whitespace(string input, string expected)
    {
        Assert.Equal(expected, SqlText.Normalize(input));
    }

    [Fact]
    public void Constants_are_listed_in_placeholder_order_so_a_normalized_statement_binds_back_to_the_original()
    {
        const string original = "SELECT * FROM t WHERE id = 42 AND name = 'o''brien' AND note <> E'x\\'y' -- 7";
        var constants = SqlText.Constants(original);

        Assert.Equal(["42", "'o''brien'", "E'x\\'y'"], constants);
        Assert.Equal("SELECT * FROM t WHERE id = 42 AND name = 'o''brien' AND note <> E'x\\'y'", SqlText.Bind(SqlText.Normalize(original), constants));
    }

    [Fact]
    public void Bind_leaves_placeholders_without_a_constant_and_dollar_signs_inside_strings_alone()
    {
        var bound = SqlText.Bind("SELECT '$1', \"$1\", $1, $2, $12 FROM t /* $1 */", ["7"]);

        Assert.Equal("SELECT '$1', \"$1\", 7, $2, $12 FROM t /* $1 */", bound);
    }

    [Theory]
    [InlineData("SELECT $$ it's;  42 $$, $f$ 'x' $f$, 7 FROM t", "SELECT $$ it's;  42 $$, $f$ 'x' $f$, $1 FROM t")]
    [InlineData("SELECT a, count(*) FROM t WHERE b > 5 GROUP BY 1 ORDER BY 2", "SELECT a, count(*) FROM t WHERE b > $1 GROUP BY 1 ORDER BY 2")]
    [InlineData("CREATE TABLE t (a int DEFAULT -5 CHECK (a > 0))", "CREATE TABLE t (a int DEFAULT -$1 CHECK (a > $2))")]
    [InlineData("SELECT a /* outer /* inner 'x' */ 42 */ FROM t", "SELECT a FROM t")]
    [InlineData("SELECT a -- it's 42\nFROM t", "SELECT a FROM t")]
    [InlineData("SELECT E'it\\'s', U&'d\\0061t''a' FROM t", "SELECT $1, $2 FROM t")]
    [InlineData("SELECT B'101', X'ff', 1e5, .5 FROM t", "SELECT $1, $2, $3, $4 FROM t")]
    [InlineData("SELECT t1.a1, \"2x\" FROM t1 WHERE col_9 = 9", "SELECT t1.a1, \"2x\" FROM t1 WHERE col_9 = $1")]
    [InlineData("SELECT '5'::int, x::numeric(10, 2) FROM t", "SELECT $1::int, x::numeric(10, 2) FROM t")]
    [InlineData("SELECT a FROM t WHERE b = true AND c IS NOT NULL", "SELECT a FROM t WHERE b = $1 AND c IS NOT NULL")]
    public void Normalize_reads_quotes_comments_and_names_as_PostgreSQL_does(string input, string expected)
    {
        Assert.Equal(expected, SqlText.Normalize(input));
    }

    [Fact]
    public void A_minus_sign_belongs_to_a_negative_constant_but_not_to_a_subtraction()
    {
        const string original = "SELECT a - 1, b-2 FROM t WHERE c = -3 AND d BETWEEN - 4.5 AND -5";

        Assert.Equal("SELECT a - $1, b-$2 FROM t WHERE c = $3 AND d BETWEEN $4 AND $5", SqlText.Normalize(original));
        Assert.Equal(["1", "2", "-3", "- 4.5", "-5"], SqlText.Constants(original));
    }

    [Fact]
    public void Placeholders_already_in_the_text_stay_and_new_ones_are_numbered_after_them()
    {
        const string original = "SELECT a FROM t WHERE b = $2 AND c = 7 AND d = $1";

        Assert.Equal("SELECT a FROM t WHERE b = $2 AND c = $3 AND d = $1", SqlText.Normalize(original));
        Assert.Equal(["$1", "$2", "7"], SqlText.Constants(original));
        Assert.Equal(original, SqlText.Bind(SqlText.Normalize(original), SqlText.Constants(original)));
    }

    [Fact]
    public void A_fragment_the_parser_rejects_still_has_its_numbers_and_strings_replaced()
    {
        Assert.Equal("((status)::text = $1::text) AND (total > $2)", SqlText.Normalize("((status)::text = 'shipped'::text) AND (total > 100)"));
    }

    [Theory]
    [InlineData("SELECT a FROM t WHERE b = 1 AND c = 'cut off", "SELECT a FROM t WHERE b = $1 AND c = $2", "'cut off")]
    [InlineData("SELECT a FROM t WHERE b = 1 AND c = E'it\\'s cut", "SELECT a FROM t WHERE b = $1 AND c = $2", "E'it\\'s cut")]
    [InlineData("SELECT a FROM t WHERE b = 1 AND c = $$cut ", "SELECT a FROM t WHERE b = $1 AND c = $$cut", null)]
    [InlineData("SELECT a FROM t WHERE b = 1 /* cut 'off", "SELECT a FROM t WHERE b = $1", null)]
    [InlineData("SELECT a FROM t WHERE b = 1 AND \"cut  ", "SELECT a FROM t WHERE b = $1 AND \"cut", null)]
    public void Text_the_lexer_cannot_read_to_its_end_is_read_up_to_there_and_a_string_cut_short_is_one_constant(string input, string expected, string? lastConstant)
    {
        Assert.Equal(expected, SqlText.Normalize(input));
        Assert.Equal(lastConstant ?? "1", SqlText.Constants(input)[^1]);
    }

    [Fact]
    public void Numbers_PostgreSQL_15s_lexer_rejects_are_constants_and_the_text_after_them_is_read_on()
    {
        const string original = "SELECT a FROM t WHERE b = 1_000 AND c = 0x1F AND d = 'secret' -- it's";

        Assert.Equal("SELECT a FROM t WHERE b = $1 AND c = $2 AND d = $3", SqlText.Normalize(original));
        Assert.Equal(["1_000", "0x1F", "'secret'"], SqlText.Constants(original));
    }

    [Fact]
    public void Bind_reads_placeholders_as_the_lexer_does_and_leaves_text_it_cannot_read_alone()
    {
        Assert.Equal("SELECT a$1, 7::int, E'\\'$1' FROM t WHERE b = 7 AND c = 'cut $1", SqlText.Bind("SELECT a$1, $1::int, E'\\'$1' FROM t WHERE b = $1 AND c = 'cut $1", ["7"]));
    }
}
