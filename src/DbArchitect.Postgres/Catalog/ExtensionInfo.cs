namespace DbArchitect.Postgres.Catalog;

/// <summary>An extension available on the server, installed in this database when <see cref="InstalledVersion"/> is set.</summary>
public sealed record ExtensionInfo(string Name, string? InstalledVersion, string? DefaultVersion)
{
    public bool Installed => InstalledVersion is not null;
}
