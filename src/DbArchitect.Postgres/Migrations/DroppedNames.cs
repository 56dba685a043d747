namespace DbArchitect.Postgres.Migrations;

/// <summary>The objects a DROP statement names, dotted as written (<c>public.orders_idx</c>).</summary>
public static class DroppedNames
{
    public static IReadOnlyList<string> Of(MigrationStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return [.. MigrationStatement.Items(statement.Node, "objects")
            .Select(name => name.TryGetProperty("List", out var list) ? MigrationStatement.Items(list, "items") : [])
            .Select(parts => string.Join('.', parts.Select(part => part.TryGetProperty("String", out var text) ? text.GetProperty("sval").GetString() : "?")))];
    }
}
