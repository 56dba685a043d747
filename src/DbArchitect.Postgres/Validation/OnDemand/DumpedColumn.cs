namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>A column of a dumped table: its name and its type as the dump wrote it (names joined, modifiers left out).</summary>
internal sealed record DumpedColumn(string Name, string Type);
