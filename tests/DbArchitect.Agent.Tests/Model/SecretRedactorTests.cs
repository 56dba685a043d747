using DbArchitect.Agent.Model;
using DbArchitect.Core.Redaction;

namespace DbArchitect.Agent.Tests.Model;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Host=db;Username=app;Password=s3cret-pw;Database=shop")]
    [InlineData("Server=db;User Id=app;Pwd=s3cret-pw")]
    [InlineData("postgresql://app:s3cret-pw@db:5432/shop")]
    public void The_password_of_a_connection_string_is_masked_wherever_it_appears(string connectionString)
    {
        var redactor = new SecretRedactor();
        redactor.AddConnectionString(connectionString);

        Assert.Equal($"login failed for password {SecretRedactor.Mask}", redactor.Redact("login failed for password s3cret-pw"));
        Assert.Equal(SecretRedactor.Mask, redactor.Redact(connectionString));
    }

    [Fact]
    public void Very_short_values_are_not_treated_as_secrets_so_ordinary_text_survives()
    {
        var redactor = new SecretRedactor();
        redactor.Add("pg");

        Assert.Equal("pg_stat_statements", redactor.Redact("pg_stat_statements"));
        Assert.False(redactor.AppearsIn("pg"));
    }

    [Fact]
    public void A_secret_that_contains_another_is_masked_whole()
    {
        var redactor = new SecretRedactor();
        redactor.Add("abcd");
        redactor.Add("abcd-efgh");

        Assert.Equal($"key {SecretRedactor.Mask}", redactor.Redact("key abcd-efgh"));
    }
}
