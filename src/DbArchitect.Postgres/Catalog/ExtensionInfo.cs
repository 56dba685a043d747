namespace DbArchitect.Postgres.Catalog;

/// <summary>An extension available on the server, installed in this database when <see cref="InstalledVersion"/> is set.</summary>
public sealed record ExtensionInfo(string Name, string? InstalledVersion, string? DefaultVersion)
{
    public bool Installed => InstalledVersion is not null;

    /// <summary>The schema an installed extension's objects live in.</summary>
    public string? Schema { get; init; }

    /// <summary>ALTER EXTENSION ... SET SCHEMA can move it (the control file says relocatable).</summary>
    public bool Relocatable { get; init; }

    /// <summary>
    /// For an extension in schema public: its functions with an exact twin in pg_catalog or another
    /// schema on the search_path, so that which one runs depends on the caller's search_path order.
    /// </summary>
    public IReadOnlyList<string> ShadowingFunctions { get; init; } = [];
}
