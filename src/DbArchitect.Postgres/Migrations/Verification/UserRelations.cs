namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>The catalog filter every check of the scratch database uses: the migrations' own schemas, not the server's.</summary>
internal static class UserRelations
{
    /// <summary>A condition on <c>pg_namespace n</c>.</summary>
    public const string InUserSchema = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";
}
