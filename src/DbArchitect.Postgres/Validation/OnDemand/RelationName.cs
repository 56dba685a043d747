namespace DbArchitect.Postgres.Validation.OnDemand;

/// <summary>A relation (table, view, sequence, index) by schema and name as the server stores them.</summary>
internal readonly record struct RelationName(string Schema, string Name)
{
    public override string ToString() => $"{Schema}.{Name}";
}
