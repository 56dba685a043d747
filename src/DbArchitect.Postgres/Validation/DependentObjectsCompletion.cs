using DbArchitect.Core.Findings;
using Npgsql;

namespace DbArchitect.Postgres.Validation;

/// <summary>
/// Completes a column type change that PostgreSQL refuses because other objects are built on the
/// column ("cannot alter type of a column used by a view or rule", "… in a policy definition",
/// "… in a trigger definition"): the dependants are dropped before the change and re-created
/// after it, in the change and in its rollback alike. Definitions come from the catalog of the
/// scratch copy, which carries the target's schema. Views are taken transitively (a view on a
/// view), dropped deepest first and re-created in the opposite order.
/// </summary>
public sealed class DependentObjectsCompletion(string scratchConnectionString)
{
    private const string Refusal = "cannot alter type of a column used";

    /// <summary>Whether the server's message is one this completion can answer.</summary>
    public static bool Applies(string serverMessage) =>
        serverMessage.Contains(Refusal, StringComparison.OrdinalIgnoreCase);

    /// <summary>The remedy with its dependants carried, or null when nothing depends on its tables.</summary>
    public async Task<Remedy?> CompleteAsync(Remedy remedy, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(scratchConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var dependants = await ReadAsync(connection, tables, cancellationToken).ConfigureAwait(false);
        if (dependants.Count == 0)
        {
            return null;
        }

        var drop = string.Join('\n', dependants.OrderByDescending(d => d.Order).Select(d => d.Drop));
        var create = string.Join('\n', dependants.OrderBy(d => d.Order).Select(d => d.Create));
        var names = string.Join(", ", dependants.Select(d => d.Name).Distinct(StringComparer.Ordinal));
        var note = $"-- {names} depend on the changed column: dropped first, re-created after (owners and GRANTs on them are to be re-applied as on the target).";
        return remedy with
        {
            Up = $"{note}\n{drop}\n{remedy.Up.TrimEnd().TrimEnd(';')};\n{create}",
            Down = $"{drop}\n{remedy.Down.TrimEnd().TrimEnd(';')};\n{create}",
            Testing = $"{remedy.Testing} Confirm that {names} exist again and return rows.".Trim(),
        };
    }

    private static async Task<IReadOnlyList<Dependant>> ReadAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        // With only pg_catalog on the path, every name the catalog prints comes schema-qualified, so
        // the re-created objects mean the same whatever search_path the migration runs under.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var path = new NpgsqlCommand("SET LOCAL search_path = pg_catalog", connection, transaction))
        {
            await path.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand(DependantsSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. tables] });
        var dependants = new List<Dependant>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            dependants.Add(new Dependant(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3)));
        }

        return dependants;
    }

    private sealed record Dependant(string Name, int Order, string Drop, string Create);

    // Order: triggers and policies sit on the table (order 0, dropped last, re-created last);
    // views get their depth in the view graph, so the deepest is dropped first and made last.
    private const string DependantsSql = """
        WITH RECURSIVE changed AS (
            SELECT to_regclass(t)::oid AS oid FROM unnest($1::text[]) AS t WHERE to_regclass(t) IS NOT NULL
        ), views (oid, depth) AS (
            SELECT r.ev_class, 1
            FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
            WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
              AND d.refobjid IN (SELECT oid FROM changed) AND r.ev_class <> d.refobjid
            UNION
            SELECT r.ev_class, v.depth + 1
            FROM views v JOIN pg_depend d ON d.refobjid = v.oid AND d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
            JOIN pg_rewrite r ON r.oid = d.objid
            WHERE r.ev_class <> v.oid AND v.depth < 32
        ), deepest AS (
            SELECT oid, max(depth) AS depth FROM views GROUP BY oid
        )
        SELECT c.oid::regclass::text,
               d.depth,
               format('DROP %s %s;', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END, c.oid::regclass),
               format('CREATE %s %s%s AS %s', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END, c.oid::regclass,
                      CASE WHEN c.reloptions IS NULL THEN '' ELSE ' WITH (' || array_to_string(c.reloptions, ', ') || ')' END,
                      rtrim(pg_get_viewdef(c.oid), '; ' || chr(10)) || ';')
               || coalesce((SELECT string_agg(chr(10) || pg_get_indexdef(i.indexrelid) || ';', '' ORDER BY i.indexrelid) FROM pg_index i WHERE i.indrelid = c.oid), '')
        FROM deepest d JOIN pg_class c ON c.oid = d.oid
        UNION ALL
        SELECT format('policy %I on %s', p.polname, p.polrelid::regclass),
               0,
               format('DROP POLICY %I ON %s;', p.polname, p.polrelid::regclass),
               format('CREATE POLICY %I ON %s AS %s FOR %s TO %s%s%s;', p.polname, p.polrelid::regclass,
                      CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
                      CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
                      CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT string_agg(quote_ident(rolname), ', ') FROM pg_roles WHERE oid = ANY (p.polroles)) END,
                      CASE WHEN p.polqual IS NULL THEN '' ELSE ' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')' END,
                      CASE WHEN p.polwithcheck IS NULL THEN '' ELSE ' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')' END)
        FROM pg_policy p WHERE p.polrelid IN (SELECT oid FROM changed)
        UNION ALL
        SELECT format('trigger %I on %s', t.tgname, t.tgrelid::regclass),
               0,
               format('DROP TRIGGER %I ON %s;', t.tgname, t.tgrelid::regclass),
               pg_get_triggerdef(t.oid) || ';'
        FROM pg_trigger t
        WHERE t.tgrelid IN (SELECT oid FROM changed) AND NOT t.tgisinternal AND (t.tgqual IS NOT NULL OR t.tgattr <> ''::int2vector)
        """;
}
