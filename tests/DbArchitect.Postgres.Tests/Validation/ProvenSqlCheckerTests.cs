using DbArchitect.Core.Validation;
using DbArchitect.Postgres.Validation;
using Npgsql;

namespace DbArchitect.Postgres.Tests.Validation;

/// <summary>
/// Whether a block ran is read from a sequence: its values are drawn even though the checker rolls
/// every block back.
/// </summary>
public sealed class ProvenSqlCheckerTests(ShopSchemaFixture scratch) : IClassFixture<ShopSchemaFixture>
{
    [Fact]
    public async Task An_accepted_text_runs_once_however_often_and_under_whatever_origin_it_is_asked_again()
    {
        var sequence = await CreateSequenceAsync();
        await using var server = new ScratchSqlChecker(scratch.AdminConnectionString);
        var checker = new ProvenSqlChecker(server);
        var block = $"SELECT nextval('{sequence}'); CREATE INDEX orders_status_idx ON orders (status); DROP INDEX orders_status_idx;";

        var first = await checker.CheckAsync([new SqlBlock("proof of fk-without-index", block)], CancellationToken.None);
        var again = await checker.CheckAsync([new SqlBlock("DB-ITEM-2.1 change then rollback", block)], CancellationToken.None);

        Assert.Empty(first);
        Assert.Empty(again);
        Assert.Equal(1, await DrawnAsync(sequence));
    }

    [Fact]
    public async Task A_rejected_text_is_run_and_reported_every_time_and_other_text_still_goes_to_the_server()
    {
        var sequence = await CreateSequenceAsync();
        await using var server = new ScratchSqlChecker(scratch.AdminConnectionString);
        var checker = new ProvenSqlChecker(server);
        var rejected = $"SELECT nextval('{sequence}'); CREATE INDEX orders_placed_at_idx ON orders (placed_at);";
        var accepted = $"SELECT nextval('{sequence}'); SELECT 1;";

        await checker.CheckAsync([new SqlBlock("a", rejected), new SqlBlock("b", accepted)], CancellationToken.None);
        var again = await checker.CheckAsync([new SqlBlock("a", rejected), new SqlBlock("b", accepted), new SqlBlock("c", accepted + " -- edited")], CancellationToken.None);

        Assert.Equal("a", Assert.Single(again).Origin);
        Assert.Equal(4, await DrawnAsync(sequence));
    }

    private async Task<string> CreateSequenceAsync()
    {
        var name = "proof_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(scratch.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SEQUENCE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    private async Task<long> DrawnAsync(string sequence)
    {
        await using var connection = new NpgsqlConnection(scratch.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {sequence}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
