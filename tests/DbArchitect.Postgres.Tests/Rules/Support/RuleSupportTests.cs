using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Support;

public sealed class RuleSupportTests
{
    [Theory]
    [InlineData("OrderItems", "order_items")]
    [InlineData("createdAt", "created_at")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("user name", "user_name")]
    [InlineData("2fa_secret", "n_2fa_secret")]
    [InlineData("already_snake", "already_snake")]
    public void Snake_case_spelling_splits_words_at_case_changes_and_punctuation(string name, string expected) =>
        Assert.Equal(expected, IdentifierRenames.ToSnakeCase(name));

    [Theory]
    [InlineData("order", "orders")]
    [InlineData("category", "categories")]
    [InlineData("address", "addresses")]
    [InlineData("person", "people")]
    [InlineData("order_item", "order_items")]
    [InlineData("key", "keys")]
    public void Plural_of_the_last_word_is_suggested(string name, string expected)
    {
        Assert.Equal(expected, EnglishNouns.Pluralize(name));
        Assert.False(EnglishNouns.IsPlural(name));
        Assert.True(EnglishNouns.IsPlural(expected));
    }

    [Theory]
    [InlineData("audit_log")]
    [InlineData("metadata")]
    [InlineData("news")]
    public void Words_that_read_the_same_in_both_numbers_are_not_called_singular(string name) =>
        Assert.True(EnglishNouns.IsPlural(name));

    [Fact]
    public void Singular_words_ending_in_s_are_recognised_as_singular()
    {
        Assert.False(EnglishNouns.IsPlural("status"));
        Assert.Equal("statuses", EnglishNouns.Pluralize("status"));
    }

    [Fact]
    public void Derived_names_shorten_the_leading_part_and_keep_the_suffix_within_63_bytes()
    {
        var name = ObjectNames.Derive(new string('ä', 40), "customer_email", "fkey");

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(name) <= 63);
        Assert.EndsWith("_customer_email_fkey", name, StringComparison.Ordinal);
        Assert.StartsWith("ää", name, StringComparison.Ordinal);
    }
}
