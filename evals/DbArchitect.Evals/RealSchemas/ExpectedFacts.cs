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
        new("fk-without-index", "foreign keys no valid btree index leads with (partial only when it requires just those columns non-null); on a partitioned table, a partitioned index or one on every leaf partition serves", PerTable: false, $"""
            WITH t AS ({UserTables}),
            fk AS (SELECT t.oid, t.name, c.relkind, ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) ORDER BY 1) AS cols
                   FROM pg_constraint k JOIN t ON t.oid = k.conrelid JOIN pg_class c ON c.oid = t.oid WHERE k.contype = 'f')
            SELECT fk.name FROM fk
            WHERE NOT {Served("fk.oid")}
              AND NOT (fk.relkind = 'p' AND NOT EXISTS (SELECT 1 FROM pg_partition_tree(fk.oid) p WHERE p.isleaf AND NOT {Served("p.relid")}))
            """),
        new("duplicate-index", "indexes with a twin of the same definition on the same table, uniqueness aside (one per pair kept); twins repeated on partitions count once for their parent", PerTable: false, $"""
            WITH owners AS ({UserTables}),
            shapes AS (
                SELECT i.indrelid,
                       coalesce((SELECT h.inhparent FROM pg_inherits h WHERE h.inhrelid = i.indrelid), i.indrelid) AS owner,
                       EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indrelid) AS in_partition,
                       regexp_replace(pg_get_indexdef(i.indexrelid), '^CREATE (UNIQUE )?INDEX \S+ ON \S+ ', '') AS shape
                FROM pg_index i
                WHERE NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)),
            twins AS (SELECT indrelid, owner, in_partition, shape, count(*) AS n FROM shapes GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)
            SELECT o.name FROM twins JOIN owners o ON o.oid = twins.owner, generate_series(2, twins.n) WHERE NOT twins.in_partition
            UNION ALL
            SELECT DISTINCT ON (o.name, twins.shape) o.name FROM twins JOIN owners o ON o.oid = twins.owner WHERE twins.in_partition
            """),
        new("timestamp-without-time-zone", "tables with a timestamp without time zone column", PerTable: true, TablesWithColumnOf("'timestamp'::regtype")),
        new("json-instead-of-jsonb", "tables with a json column", PerTable: true, TablesWithColumnOf("'json'::regtype")),
        new("char-column", "tables with a char(n) column", PerTable: true, TablesWithColumnOf("'bpchar'::regtype")),
    ];

    // An index on the relation whose leading keys are the key's columns, by name (a partition's attnums
    // may differ from its parent's), valid, btree, and not partial unless it only requires them non-null.
    private static string Served(string relation) => $"""
        EXISTS (SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
                WHERE i.indrelid = {relation} AND i.indisvalid AND am.amname = 'btree' AND i.indnkeyatts >= cardinality(fk.cols)
                  AND ARRAY(SELECT a.attname::text FROM unnest((i.indkey::int2[])[0:cardinality(fk.cols) - 1]) k(attnum)
                            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY 1) = fk.cols
                  AND (i.indpred IS NULL OR regexp_replace(pg_get_expr(i.indpred, i.indrelid), '[()]', '', 'g')
                       ~ ('^(' || array_to_string(fk.cols, '|') || ') IS NOT NULL( AND (' || array_to_string(fk.cols, '|') || ') IS NOT NULL)*$')))
        """;

    private static string TablesWithColumnOf(string type) => $"""
        WITH t AS ({UserTables})
        SELECT t.name FROM t WHERE EXISTS (
            SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = {type})
        """;
}
