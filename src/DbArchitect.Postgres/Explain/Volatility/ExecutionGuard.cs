using Dapper;
using DbArchitect.Postgres.Parsing;
using Npgsql;

namespace DbArchitect.Postgres.Explain.Volatility;

/// <summary>
/// Decides whether a statement may be executed on a target at all. A READ ONLY transaction stops
/// table writes only: volatile functions still reset statistics, signal backends or reach other
/// databases (dblink). So a statement runs only when every function it calls, as its text says and
/// as its VERBOSE plan shows after views and defaults, is IMMUTABLE or STABLE and does not act.
/// </summary>
public static class ExecutionGuard
{
    private sealed record ProcRow(string Schema, string Name, string Volatility, string? Extension);

    // Every overload in every schema answers for an unqualified name: search_path could reach any.
    private const string ProcsSql = """
        SELECT n.nspname AS Schema, p.proname AS Name, p.provolatile::text AS Volatility, e.extname AS Extension
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        LEFT JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
        LEFT JOIN pg_extension e ON e.oid = d.refobjid
        WHERE p.proname = ANY(@names)
           OR p.oid IN (SELECT o.oprcode FROM pg_operator o WHERE o.oprname = ANY(@operators))
        """;

    private const string OperatorsSql = """
        SELECT o.oprname AS Operator, p.proname AS Function
        FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode
        WHERE o.oprname = ANY(@operators)
        """;

    /// <summary>Why <paramref name="sql"/> must not run ("pg_terminate_backend is VOLATILE in pg_proc"), or null when it may.</summary>
    public static async Task<string?> RefusalAsync(NpgsqlConnection connection, string sql, string verbosePlanJson, CancellationToken cancellationToken)
    {
        ParseTreeCalls parsed;
        try
        {
            parsed = ParseTreeCalls.Read(sql);
        }
        catch (SqlParseException e)
        {
            return $"its function calls cannot be read ({e.Message})";
        }

        var planned = PlanCalls.Read(verbosePlanJson);
        var names = parsed.Functions.Concat(planned).Select(f => f.Name).Distinct(StringComparer.Ordinal).ToArray();
        var operators = parsed.Operators.ToArray();
        var command = new CommandDefinition(ProcsSql, new { names, operators }, cancellationToken: cancellationToken);
        var procs = (await connection.QueryAsync<ProcRow>(command).ConfigureAwait(false)).ToList();
        var operatorFunctions = (await connection.QueryAsync<(string Operator, string Function)>(
                new CommandDefinition(OperatorsSql, new { operators }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(row => row.Function, row => row.Operator, StringComparer.Ordinal);

        // A name the parse tree holds but pg_proc lacks is unknown: refuse. A plan only ever prints
        // functions that exist, so a name of its without a row is a keyword or type (ANY, numeric(10,2)).
        var unknown = parsed.Functions.FirstOrDefault(f => !procs.Any(p => Matches(p, f)));
        if (unknown is not null)
        {
            return $"{unknown} is not a function in pg_proc";
        }

        foreach (var function in parsed.Functions.Concat(planned).Distinct())
        {
            if (Refusal(function.ToString(), procs.Where(p => Matches(p, function))) is { } refusal)
            {
                return refusal;
            }
        }

        foreach (var function in operatorFunctions)
        {
            var label = $"operator {function.First()} (function {function.Key})";
            if (Refusal(label, procs.Where(p => p.Name == function.Key)) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static string? Refusal(string label, IEnumerable<ProcRow> overloads)
    {
        foreach (var proc in overloads)
        {
            if (proc.Extension is { } extension && ActingFunctions.Extensions.Contains(extension))
            {
                return $"{label} belongs to the {extension} extension, which reaches other databases";
            }

            if (proc.Volatility == "v")
            {
                return $"{label} is VOLATILE in pg_proc";
            }

            if (ActingFunctions.Contains(proc.Name))
            {
                return $"{label} acts on the server although pg_proc marks it {(proc.Volatility == "i" ? "IMMUTABLE" : "STABLE")}";
            }
        }

        return null;
    }

    private static bool Matches(ProcRow proc, FunctionName function) =>
        proc.Name == function.Name && (function.Schema is null || proc.Schema == function.Schema);
}
