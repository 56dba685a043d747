using DbArchitect.Postgres.Catalog.Reading;

namespace DbArchitect.Postgres.Tests.Catalog;

public sealed class ArrayLiteralTests
{
    [Theory]
    [InlineData("{}", new string[0])]
    [InlineData("{a,b}", new[] { "a", "b" })]
    [InlineData("{\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\"}", new[] { "a,b", "say \"hi\"", "back\\slash" })]
    [InlineData("{\"{1,2}\",\"{3}\"}", new[] { "{1,2}", "{3}" })]
    [InlineData("{\"NULL\",\" x \"}", new[] { "NULL", " x " })]
    public void Array_text_is_split_into_its_elements(string literal, string[] expected) =>
        Assert.Equal(expected, ArrayLiteral.Parse(literal));

    [Fact]
    public void Unquoted_null_is_sql_null() =>
        Assert.Equal(["a", null], ArrayLiteral.Parse("{a,NULL}"));
}
