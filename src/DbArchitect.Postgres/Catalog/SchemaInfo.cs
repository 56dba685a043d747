namespace DbArchitect.Postgres.Catalog;

/// <summary>A user schema (system schemas and extension-owned schemas are excluded).</summary>
public sealed record SchemaInfo(string Name, string Owner)
{
    /// <summary>PUBLIC holds CREATE on the schema: any role can put objects, and so shadowing functions, in it.</summary>
    public bool PublicCreate { get; init; }
}
