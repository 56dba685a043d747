namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>Which ORM a migration written as code belongs to, by its language and the names it uses; Alembic's revisions are read apart, since their order is a chain.</summary>
internal static class CodeMigrations
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".ts", ".js", ".mjs", ".cjs", ".py", ".cs" };

    /// <summary>Whether a file in a migrations folder may be a migration written as code.</summary>
    public static bool IsCode(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>The migration the file holds, or null when it is none of the ORMs' (a helper module, a model snapshot, a Django migration).</summary>
    public static Migration? Read(string path, string text) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".cs" when EfCoreMigrations.Looks(path, text) => EfCoreMigrations.Read(path, text),
        ".cs" when FluentMigratorMigrations.Looks(text) => FluentMigratorMigrations.Read(path, text),
        ".cs" or ".py" => null,
        _ when TypeOrmMigrations.Looks(text) => TypeOrmMigrations.Read(path, text),
        _ when SequelizeMigrations.Looks(text) => SequelizeMigrations.Read(path, text),
        _ when KnexMigrations.Looks(text) => KnexMigrations.Read(path, text),
        _ => null,
    };
}
