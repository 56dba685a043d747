using DbArchitect.Postgres.Workload;

namespace DbArchitect.Postgres.Tests.Workload;

public sealed class StatementIdentityTests
{
    [Fact]
    public void A_statement_from_a_file_and_its_pg_stat_statements_form_are_one_statement()
    {
        var fromFile = StatementIdentity.Of("select *\n  from orders   -- the hot path\n where customer_id = 7");
        var fromStatistics = StatementIdentity.Of("SELECT * FROM orders WHERE customer_id = $1");

        Assert.Equal(fromStatistics, fromFile);
        Assert.NotEqual(fromStatistics, StatementIdentity.Of("SELECT * FROM orders WHERE status = $1"));
    }

    [Fact]
    public void Text_the_parser_cannot_read_is_identified_by_its_constant_free_text()
    {
        Assert.Equal(StatementIdentity.Of("SELEC nonsense 1"), StatementIdentity.Of("SELEC nonsense 2"));
        Assert.StartsWith("text:", StatementIdentity.Of("SELEC nonsense 1"), StringComparison.Ordinal);
    }
}
