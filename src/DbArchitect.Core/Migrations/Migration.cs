namespace DbArchitect.Core.Migrations;

/// <summary>One migration of a chain, in the order the tool that owns it applies them.</summary>
public sealed record Migration
{
    /// <summary>The version as written (<c>1</c>, <c>2.1</c>, <c>20240105120000</c>); repeatable migrations have none.</summary>
    public required string Version { get; init; }

    public required string Name { get; init; }

    public required MigrationConvention Convention { get; init; }

    public required MigrationScript Up { get; init; }

    /// <summary>The down (undo, revert) script; null when there is none.</summary>
    public MigrationScript? Down { get; init; }

    /// <summary>Whether the convention gives migrations a down at all (Prisma and plain folders do not).</summary>
    public bool HasDownConvention { get; init; }

    /// <summary>Whether the tool runs the migration inside one transaction, so CONCURRENTLY and some enum changes fail there.</summary>
    public bool RunsInTransaction { get; init; }

    /// <summary>Flyway's repeatable migrations: applied after the versioned ones whenever they change.</summary>
    public bool Repeatable { get; init; }

    /// <summary>What a code migration holds that is not SQL text: builder calls, interpolated or computed SQL, each with its line.</summary>
    public IReadOnlyList<NotAnalysed> Unread { get; init; } = [];

    /// <summary>Of <see cref="Unread"/>, what the down holds: a down of builder calls alone is no empty down, only one the linter cannot read.</summary>
    public IReadOnlyList<NotAnalysed> UnreadInDown { get; init; } = [];

    public string Label => Version.Length == 0 ? Name : $"{Version} {Name}";
}
