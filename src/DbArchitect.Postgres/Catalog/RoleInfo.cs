namespace DbArchitect.Postgres.Catalog;

/// <summary>A role with the attributes that exempt it from ordinary privilege checks.</summary>
public sealed record RoleInfo
{
    public required string Name { get; init; }
    public bool Superuser { get; init; }
    public bool CreateRole { get; init; }

    /// <summary>Row-level security policies do not apply to the role.</summary>
    public bool BypassRowLevelSecurity { get; init; }
}
