namespace DbArchitect.Evals.RealSchemas;

/// <summary>The independent catalog queries, one per rule they check; each counts subjects the way the rule names them.</summary>
internal static class ExpectedFacts
{
    // User tables: not in a system schema, not a partition (its parent speaks for it), not an extension's own.
    private const string UserTables = """
        SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        """;

    public const string CountTablesSql = $"SELECT count(*) FROM ({UserTables}) t";

    public static IReadOnlyList<ExpectedFact> All { get; } =
    [
        new("missing-primary-key", "tables without a primary key", PerTable: true, $"""
            WITH t AS ({UserTables})
            SELECT t.name FROM t WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = t.oid AND k.contype = 'p')
            """),
        new("fk-without-index", "foreign keys no valid btree index leads with (a partial index only when it requires just those columns non-null)", PerTable: false, $"""
            WITH t AS ({UserTables}),
            fk AS (SELECT t.name, k.conrelid, k.conkey FROM pg_constraint k JOIN t ON t.oid = k.conrelid WHERE k.contype = 'f')
            SELECT fk.name FROM fk WHERE NOT EXISTS (
                SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am a ON a.oid = ic.relam
                WHERE i.indrelid = fk.conrelid AND i.indisvalid AND a.amname = 'btree'
                  AND (SELECT array_agg(x ORDER BY x) FROM unnest(fk.conkey) x)
                    = (SELECT array_agg(x ORDER BY x) FROM unnest((i.indkey::int2[])[0:cardinality(fk.conkey) - 1]) x)
                  AND (i.indpred IS NULL OR regexp_replace(pg_get_expr(i.indpred, i.indrelid), '[()]', '', 'g') ~
                       ('^(' || (SELECT string_agg(quote_ident(attname), '|') FROM pg_attribute WHERE attrelid = fk.conrelid AND attnum = ANY (fk.conkey))
                        || ') IS NOT NULL( AND (' || (SELECT string_agg(quote_ident(attname), '|') FROM pg_attribute WHERE attrelid = fk.conrelid AND attnum = ANY (fk.conkey))
                        || ') IS NOT NULL)*$')))
            """),
        new("duplicate-index", "indexes with an identical twin on the same table (one per pair kept)", PerTable: false, $"""
            WITH t AS ({UserTables})
            SELECT name FROM (
                SELECT t.name, count(*) AS n FROM pg_index i JOIN t ON t.oid = i.indrelid
                GROUP BY t.name, i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text, i.indoption::text, i.indisunique,
                         coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')
                HAVING count(*) > 1) twins, generate_series(2, n)
            """),
        new("timestamp-without-time-zone", "tables with a timestamp without time zone column", PerTable: true, TablesWithColumnOf("'timestamp'::regtype")),
        new("json-instead-of-jsonb", "tables with a json column", PerTable: true, TablesWithColumnOf("'json'::regtype")),
        new("char-column", "tables with a char(n) column", PerTable: true, TablesWithColumnOf("'bpchar'::regtype")),
    ];

    private static string TablesWithColumnOf(string type) => $"""
        WITH t AS ({UserTables})
        SELECT t.name FROM t WHERE EXISTS (
            SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = {type})
        """;
}
