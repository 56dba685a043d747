using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Tests.Rules.Support;

public sealed class RuleSupportTests
{
    [Theory]
    [InlineData("FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')", "2026-02-01T00:00:00+00:00")]
    [InlineData("FOR VALUES FROM ('2026-01-01 00:00:00+01') TO ('2026-02-01 00:00:00+01')", "2026-02-01T00:00:00+01:00")]
    [InlineData("FOR VALUES FROM (MINVALUE) TO ('2026-02-01 06:30:00')", "2026-02-01T06:30:00+00:00")]
    public void Time_range_bounds_read_the_upper_bound_with_its_offset(string bound, string upper) =>
        Assert.Equal(DateTimeOffset.Parse(upper, System.Globalization.CultureInfo.InvariantCulture), TimeRangeBound.Parse(bound)!.To);

    [Theory]
    [InlineData("DEFAULT")]
    [InlineData("FOR VALUES FROM ('2026-01-01') TO (MAXVALUE)")]
    [InlineData("FOR VALUES FROM ('2026-01-01', 1) TO ('2026-02-01', 1)")]
    [InlineData("FOR VALUES IN (1)")]
    public void Default_unbounded_multi_column_and_list_bounds_have_no_time_upper_bound(string bound) =>
        Assert.Null(TimeRangeBound.Parse(bound)?.To);

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
