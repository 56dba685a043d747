using Npgsql;

namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>
/// The current row of a catalog result set, read by column name so that a query's select list
/// and its mapping can be checked against each other by eye. Ordinals are looked up once per
/// result set; repeated names (schema, table) are shared so that 100,000 column rows do not hold
/// 100,000 copies of the same table name.
/// </summary>
internal sealed class CatalogRow
{
    private readonly NpgsqlDataReader _reader;
    private readonly Dictionary<string, int> _ordinals;
    private readonly Dictionary<string, string> _names;

    public CatalogRow(NpgsqlDataReader reader, Dictionary<string, string> names)
    {
        _reader = reader;
        _names = names;
        _ordinals = new Dictionary<string, int>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            _ordinals[reader.GetName(i)] = i;
        }
    }

    public string String(string column) => _reader.GetString(Ordinal(column));

    public string? NullableString(string column) => _reader.IsDBNull(Ordinal(column)) ? null : _reader.GetString(Ordinal(column));

    /// <summary>A name that recurs across rows (schema, table), shared rather than copied.</summary>
    public string Name(string column) => Share(String(column));

    public string? NullableName(string column) => NullableString(column) is { } name ? Share(name) : null;

    public uint Oid(string column) => _reader.GetFieldValue<uint>(Ordinal(column));

    public uint? NullableOid(string column) => _reader.IsDBNull(Ordinal(column)) ? null : Oid(column);

    public int Int(string column) => _reader.GetInt32(Ordinal(column));

    public long Long(string column) => _reader.GetInt64(Ordinal(column));

    public long? NullableLong(string column) => _reader.IsDBNull(Ordinal(column)) ? null : _reader.GetInt64(Ordinal(column));

    public double Double(string column) => _reader.GetDouble(Ordinal(column));

    public double? NullableDouble(string column) => _reader.IsDBNull(Ordinal(column)) ? null : _reader.GetDouble(Ordinal(column));

    public bool Bool(string column) => _reader.GetBoolean(Ordinal(column));

    public bool? NullableBool(string column) => _reader.IsDBNull(Ordinal(column)) ? null : _reader.GetBoolean(Ordinal(column));

    public DateTimeOffset DateTime(string column) => _reader.GetFieldValue<DateTimeOffset>(Ordinal(column));

    public DateTimeOffset? NullableDateTime(string column) => _reader.IsDBNull(Ordinal(column)) ? null : DateTime(column);

    public string[] Names(string column) => _reader.IsDBNull(Ordinal(column)) ? [] : Array.ConvertAll(_reader.GetFieldValue<string[]>(Ordinal(column)), Share);

    /// <summary>An int2[] column such as pg_index.indkey, empty when NULL.</summary>
    public short[] Shorts(string column) => _reader.IsDBNull(Ordinal(column)) ? [] : _reader.GetFieldValue<short[]>(Ordinal(column));

    /// <summary>An oid[] column such as pg_index.indclass, empty when NULL.</summary>
    public uint[] Oids(string column) => _reader.IsDBNull(Ordinal(column)) ? [] : _reader.GetFieldValue<uint[]>(Ordinal(column));

    public string[]? NullableStrings(string column) => _reader.IsDBNull(Ordinal(column)) ? null : _reader.GetFieldValue<string[]>(Ordinal(column));

    public double[] Doubles(string column) => _reader.IsDBNull(Ordinal(column)) ? [] : _reader.GetFieldValue<double[]>(Ordinal(column));

    private int Ordinal(string column) => _ordinals.TryGetValue(column, out var ordinal)
        ? ordinal
        : throw new InvalidOperationException($"catalog query has no column '{column}'");

    private string Share(string name)
    {
        if (_names.TryGetValue(name, out var shared))
        {
            return shared;
        }

        _names[name] = name;
        return name;
    }
}
