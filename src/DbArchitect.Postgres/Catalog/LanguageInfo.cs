namespace DbArchitect.Postgres.Catalog;

/// <summary>A procedural language of the database, with what it takes to drop and re-create it.</summary>
public sealed record LanguageInfo
{
    public required string Name { get; init; }

    /// <summary>lanpltrusted: false means its routines can reach the server's files and processes.</summary>
    public bool Trusted { get; init; }

    public string? Handler { get; init; }
    public string? InlineHandler { get; init; }
    public string? Validator { get; init; }

    /// <summary>The extension that installed the language, if one did.</summary>
    public string? Extension { get; init; }

    /// <summary>Routines written in the language.</summary>
    public int Routines { get; init; }
}
