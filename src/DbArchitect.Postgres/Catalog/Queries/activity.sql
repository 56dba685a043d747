-- Client connections on the whole server; other roles' states are hidden without pg_read_all_stats.
SELECT count(*)::int                                                               AS total_connections,
       current_setting('max_connections')::int                                     AS max_connections,
       (count(*) FILTER (WHERE state = 'active'))::int                             AS active,
       (count(*) FILTER (WHERE state = 'idle'))::int                               AS idle,
       (count(*) FILTER (WHERE state LIKE 'idle in transaction%'))::int            AS idle_in_transaction,
       coalesce(max(extract(epoch FROM now() - state_change)) FILTER (WHERE state LIKE 'idle in transaction%'), 0)::float8
                                                                                   AS longest_idle_in_transaction_seconds,
       coalesce(max(extract(epoch FROM now() - query_start)) FILTER (WHERE state = 'active' AND pid <> pg_backend_pid()), 0)::float8
                                                                                   AS longest_active_query_seconds
FROM pg_stat_activity
WHERE backend_type = 'client backend';
