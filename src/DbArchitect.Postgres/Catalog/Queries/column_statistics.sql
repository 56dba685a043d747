-- Planner statistics per column, only the rows this session may read (pg_stats filters them).
-- most_common_vals is anyarray, so it comes as its array literal text.
SELECT s.schemaname                                          AS schema,
       s.tablename                                           AS table,
       s.attname                                             AS column,
       s.null_frac::float8                                   AS null_fraction,
       s.avg_width                                           AS average_width,
       s.n_distinct::float8                                  AS distinct_values,
       s.most_common_vals::text                              AS most_common_values,
       s.most_common_freqs::float8[]                         AS most_common_frequencies,
       s.correlation::float8                                 AS correlation
FROM pg_stats s
WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')
  AND s.schemaname NOT LIKE 'pg\_toast%'
  AND s.schemaname NOT LIKE 'pg\_temp\_%'
  AND NOT s.inherited
ORDER BY s.schemaname, s.tablename, s.attname;
