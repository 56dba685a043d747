using DbArchitect.Postgres.Explain;
using Npgsql;
using NpgsqlTypes;

namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>
/// Finds the tables a trial must copy: the candidates' tables and every table the workload's plans
/// on the target read, so that joins on the scratch copy meet rows too. Plans name partitions and the
/// tables behind views; partitions are folded into their roots, since rows are copied through the root.
/// </summary>
internal sealed class WorkloadTables(NpgsqlDataSource target)
{
    private const string RootsSql = """
        SELECT r.schema_name, r.table_name, rn.nspname, rc.relname
        FROM unnest($1::text[], $2::text[]) AS r(schema_name, table_name)
        JOIN pg_namespace n ON n.nspname = r.schema_name
        JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = r.table_name
        JOIN pg_class rc ON rc.oid = coalesce(pg_partition_root(c.oid), c.oid)
        JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE rc.relkind IN ('r', 'p')
        """;

    /// <summary>Plans each statement on the target; one that cannot be planned goes to <paramref name="notes"/>.</summary>
    public async Task<IReadOnlyList<PlannedStatement>> PlanAsync(IReadOnlyList<string> statements, List<string> notes, CancellationToken cancellationToken)
    {
        var relations = new List<(string Statement, IReadOnlyList<TrialTable> Tables)>();
        await using (var connection = await target.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var statement in statements)
            {
                try
                {
                    var plan = await ExplainRunner.ExplainOnAsync(connection, statement, new ExplainOptions(), cancellationToken).ConfigureAwait(false);
                    relations.Add((statement, [.. plan.Plan.DescendantsAndSelf()
                        .Where(node => node is { Schema: not null, RelationName: not null })
                        .Select(node => new TrialTable(node.Schema!, node.RelationName!))]));
                }
                catch (Exception e) when (e is ExplainRefusedException or PostgresException)
                {
                    notes.Add($"not tried on the scratch copy, the target cannot plan it ({e.Message.Split('\n')[0]}): {statement}");
                }
            }
        }

        var roots = await RootsAsync(relations.SelectMany(r => r.Tables), cancellationToken).ConfigureAwait(false);
        return [.. relations.Select(r => new PlannedStatement(r.Statement, r.Tables.Where(roots.ContainsKey).Select(t => roots[t]).ToHashSet()))];
    }

    /// <summary>Each existing table or partition mapped to the table rows are copied through; missing names are left out.</summary>
    public async Task<IReadOnlyDictionary<TrialTable, TrialTable>> RootsAsync(IEnumerable<TrialTable> tables, CancellationToken cancellationToken)
    {
        var distinct = tables.Distinct().ToList();
        await using var command = target.CreateCommand(RootsSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. distinct.Select(t => t.Schema)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. distinct.Select(t => t.Name)] });
        var roots = new Dictionary<TrialTable, TrialTable>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            roots[new TrialTable(reader.GetString(0), reader.GetString(1))] = new TrialTable(reader.GetString(2), reader.GetString(3));
        }

        return roots;
    }
}
