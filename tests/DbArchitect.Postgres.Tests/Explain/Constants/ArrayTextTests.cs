using DbArchitect.Postgres.Explain.Constants;
using DbArchitect.Testing;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Explain.Constants;

public sealed class ArrayTextTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public void Quoted_elements_keep_commas_quotes_and_backslashes_and_bare_NULL_is_null()
    {
        var values = ArrayText.Parse("""{done,"in progress",NULL,"NULL","say \"hi\"","a\\b","x,y",""}""");

        Assert.Equal(["done", "in progress", null, "NULL", "say \"hi\"", "a\\b", "x,y", ""], values);
    }

    [Fact]
    public void Empty_array_and_explicit_bounds_are_read()
    {
        Assert.Empty(ArrayText.Parse("{}"));
        Assert.Equal(["7", "8"], ArrayText.Parse("[0:1]={7,8}"));
    }

    [Theory]
    [InlineData("done")]
    [InlineData("{\"unterminated}")]
    [InlineData("{a\"b}")]
    public void Text_that_is_not_an_array_literal_is_rejected(string text) =>
        Assert.Throws<FormatException>(() => ArrayText.Parse(text));

    [Fact]
    public async Task Reads_back_what_the_server_prints_for_awkward_values()
    {
        string[] awkward = ["a,b", "q\"x", "back\\slash", "NULL", "", " padded ", "{braces}", "ünï"];
        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT array_append($1, NULL)::text", connection) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = awkward } } };
        var text = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal([.. awkward, null], ArrayText.Parse(text));
    }
}
