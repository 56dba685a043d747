using DbArchitect.Postgres.Validation;

namespace DbArchitect.Postgres.Tests.Validation;

public sealed class PostgresScriptsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  \n\t")]
    [InlineData("-- VACUUM cannot be undone")]
    [InlineData("-- VACUUM cannot be undone\n/* nothing /* nested */ to do */")]
    [InlineData(";;")]
    public void Comments_and_blanks_are_no_statement(string sql) => Assert.True(PostgresScripts.Instance.HasNoStatement(sql));

    [Theory]
    [InlineData("-- undo\nDROP INDEX CONCURRENTLY public.orders_status_idx;")]
    [InlineData("/* a */ SELECT 1 /* b */")]
    [InlineData("SELECT '-- not a comment'")]
    public void A_statement_among_comments_is_one(string sql) => Assert.False(PostgresScripts.Instance.HasNoStatement(sql));
}
