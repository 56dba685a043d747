using System.Reflection;

namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>One catalog query: its SQL (an embedded <c>Queries/*.sql</c> file a DBA can run as is) and how a row becomes a record.</summary>
internal sealed class CatalogQuery<T>(string name, Func<CatalogRow, T> map)
{
    public string Name { get; } = name;

    public string Sql { get; } = Load(name);

    public T Map(CatalogRow row) => map(row);

    private static string Load(string name)
    {
        var assembly = typeof(CatalogQuery<T>).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith($".Catalog.Queries.{name}.sql", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"catalog query {name}.sql is not embedded");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
