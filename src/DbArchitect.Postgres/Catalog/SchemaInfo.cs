namespace DbArchitect.Postgres.Catalog;

/// <summary>A user schema (system schemas and extension-owned schemas are excluded).</summary>
public sealed record SchemaInfo(string Name, string Owner);
