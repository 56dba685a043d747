using Dapper;
using Npgsql;

namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>
/// A database's schema as a multiset of lines, one per object, in the server's own words
/// (<c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>, <c>pg_get_viewdef</c>, <c>format_type</c>…):
/// schemas, extensions, types and enum labels, tables and their columns in order, constraints,
/// indexes, views, sequences, functions, triggers, policies and grants. One round trip, so a
/// chain of hundreds of migrations is compared twice per migration without dumping it each time.
/// </summary>
public static class SchemaDump
{
    // A session's temporary objects are no part of the schema a migration leaves.
    private const string UserSchemas = UserRelations.InUserSchema + " AND n.nspname NOT LIKE 'pg_temp%'";

    private static readonly string Query = $"""
        SELECT 'schema ' || n.nspname || ' ' || coalesce(n.nspacl::text, '') FROM pg_namespace n WHERE {UserSchemas}
        UNION ALL SELECT 'extension ' || extname FROM pg_extension
        UNION ALL SELECT 'type ' || format_type(t.oid, NULL) || ' ' || t.typtype::text || coalesce(' ' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '')
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE {UserSchemas} AND t.typtype IN ('e', 'd', 'c', 'r') AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
        UNION ALL SELECT 'relation ' || c.oid::regclass::text || ' ' || c.relkind::text || ' ' || coalesce(c.relacl::text, '') || ' ' || c.relpersistence::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {UserSchemas} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        UNION ALL SELECT 'column ' || a.attrelid::regclass::text || ' ' || a.attnum || ' ' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE {UserSchemas} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        UNION ALL SELECT 'constraint ' || co.conrelid::regclass::text || ' ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid)
            FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE {UserSchemas} AND co.conrelid <> 0
        UNION ALL SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {UserSchemas}
        UNION ALL SELECT 'view ' || c.oid::regclass::text || ' ' || pg_get_viewdef(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {UserSchemas} AND c.relkind IN ('v', 'm')
        UNION ALL SELECT 'sequence ' || s.seqrelid::regclass::text || ' ' || format_type(s.seqtypid, NULL) || ' ' || s.seqincrement || ' ' || s.seqmin || ' ' || s.seqmax
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {UserSchemas}
        UNION ALL SELECT 'function ' || p.oid::regprocedure::text || ' ' || md5(pg_get_functiondef(p.oid)) || ' ' || coalesce(p.proacl::text, '')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {UserSchemas} AND p.prokind IN ('f', 'p')
            AND NOT EXISTS (SELECT FROM pg_depend dep WHERE dep.objid = p.oid AND dep.deptype = 'e')
        UNION ALL SELECT 'trigger ' || pg_get_triggerdef(tg.oid) FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {UserSchemas} AND NOT tg.tgisinternal
        UNION ALL SELECT 'policy ' || pol.polrelid::regclass::text || ' ' || quote_ident(pol.polname) || ' ' || pol.polcmd::text || ' ' || coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') || ' ' || coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '')
            FROM pg_policy pol
        """;

    public static async Task<IReadOnlyList<string>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(Query, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    /// <summary>Lines only <paramref name="before"/> has (<c>- </c>) and lines only <paramref name="after"/> has (<c>+ </c>), each as often as it is extra.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in before)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        foreach (var line in after)
        {
            counts[line] = counts.GetValueOrDefault(line) - 1;
        }

        return [.. counts.Where(c => c.Value > 0).SelectMany(c => Enumerable.Repeat($"- {c.Key}", c.Value))
            .Concat(counts.Where(c => c.Value < 0).SelectMany(c => Enumerable.Repeat($"+ {c.Key}", -c.Value)))];
    }
}
