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
}
