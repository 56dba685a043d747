using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Tests.Parsing;

public sealed class ParseTreeCallsTests
{
    [Fact]
    public void Function_calls_are_read_from_the_servers_parse_tree_wherever_they_nest()
    {
        var calls = ParseTreeCalls.Read("""
            SELECT lower(name), pg_catalog.now() FROM items
            WHERE id IN (SELECT "Odd"(x) FROM f(1) x) AND price + 1 > 2 -- not_a_call()
            """);

        Assert.Equal(
            [new FunctionName(null, "lower"), new FunctionName("pg_catalog", "now"), new FunctionName(null, "Odd"), new FunctionName(null, "f")],
            calls.Functions.OrderBy(f => f.Name == "lower" ? 0 : f.Name == "now" ? 1 : f.Name == "Odd" ? 2 : 3).ToList());
        Assert.Equal(["+", ">"], calls.Operators.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void A_syntax_error_is_one_parser_exception_with_the_servers_message()
    {
        var error = Assert.Throws<SqlParseException>(() => PgQuery.Parse("SELEC 1"));

        Assert.Contains("syntax error", error.Message, StringComparison.Ordinal);
    }
}
