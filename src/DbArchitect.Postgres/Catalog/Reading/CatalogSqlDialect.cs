namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>
/// The catalog queries are written for PostgreSQL 15. Older servers lack two catalog columns the
/// queries read only to decide whether a definition may be printed on the client; on those servers
/// the columns are replaced by the value they always had before 15 (NULLS DISTINCT, no SET NULL
/// column list), so the same query text serves 12 to 17.
/// </summary>
internal static class CatalogSqlDialect
{
    private static readonly (string Since15, string Before15)[] Replacements =
    [
        ("i.indnullsnotdistinct", "false"),
        ("ix.indnullsnotdistinct", "false"),
        ("con.confdelsetcols IS NULL", "true"),
    ];

    public static string For(string sql, Version serverVersion) =>
        serverVersion.Major >= 15
            ? sql
            : Replacements.Aggregate(sql, (text, replacement) => text.Replace(replacement.Since15, replacement.Before15, StringComparison.Ordinal));
}
