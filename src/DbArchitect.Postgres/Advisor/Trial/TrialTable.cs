using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Advisor.Trial;

/// <summary>A table by name; for partitions, the root of their tree, because rows are copied through the root.</summary>
public sealed record TrialTable(string Schema, string Name)
{
    public string QualifiedName => SqlIdentifier.Qualify(Schema, Name);

    public override string ToString() => QualifiedName;
}
