namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>An index as read, before its key attnums and operator classes are named.</summary>
internal sealed record IndexRow(IndexInfo Index, short[] Keys, int KeyCount, uint[] OperatorClasses, short[] Options, string[]? KeyTexts)
{
    // pg_index.indoption bits (INDOPTION_DESC, INDOPTION_NULLS_FIRST).
    private const int Descending = 1;
    private const int NullsFirst = 2;

    /// <summary>Names the keys; a definition the query left NULL (a plain index) is printed here.</summary>
    public IndexInfo Resolve(ColumnNames columns, IReadOnlyDictionary<uint, string> nonDefaultOperatorClasses, ServerQuoting quoting)
    {
        var index = Index with
        {
            KeyColumns = [.. Keys.Take(KeyCount).Select((attnum, i) => attnum == 0 && KeyTexts is not null ? KeyTexts[i] : columns.Name(Index.TableOid, attnum))],
            IncludedColumns = columns.Names(Index.TableOid, Keys.Skip(KeyCount)),
            KeyOptions = [.. Options.Select((option, i) => KeyOption(nonDefaultOperatorClasses.GetValueOrDefault(OperatorClasses[i]), option))],
        };
        return index.Definition.Length > 0 ? index : index with { Definition = IndexDefinition.Print(index, quoting) };
    }

    /// <summary>The key's operator class where not the default, then its order where not ASC NULLS LAST.</summary>
    private static string KeyOption(string? operatorClass, short option)
    {
        var descending = (option & Descending) != 0;
        var nullsFirst = (option & NullsFirst) != 0;
        string? order = (descending, nullsFirst) switch
        {
            (true, true) => "DESC",
            (true, false) => "DESC NULLS LAST",
            (false, true) => "NULLS FIRST",
            (false, false) => null,
        };
        return string.Join(' ', new[] { operatorClass, order }.OfType<string>());
    }
}

internal static class IndexQuery
{
    public static readonly CatalogQuery<IndexRow> Query = new("indexes", row => new IndexRow(
        new IndexInfo
        {
            Oid = row.Oid("oid"),
            Schema = row.Name("schema"),
            Table = row.Name("table"),
            TableOid = row.Oid("table_oid"),
            Name = row.String("name"),
            Definition = row.NullableString("definition") ?? string.Empty,
            Method = row.Name("method"),
            Predicate = row.NullableString("predicate"),
            IsUnique = row.Bool("is_unique"),
            IsPrimary = row.Bool("is_primary"),
            IsValid = row.Bool("is_valid"),
            ConstraintName = row.NullableString("constraint_name"),
            SizeBytes = row.Long("size_bytes"),
            Scans = row.Long("scans"),
            TuplesRead = row.Long("tuples_read"),
            TuplesFetched = row.Long("tuples_fetched"),
            HasExpressions = row.Bool("has_expressions"),
            IsPartitioned = row.Bool("is_partitioned"),
            ParentIndexOid = row.NullableOid("parent_index_oid"),
            KeyCollations = row.Oids("key_collations"),
        },
        row.Shorts("keys"),
        row.Int("key_count"),
        row.Oids("operator_classes"),
        row.Shorts("key_options"),
        row.NullableStrings("key_texts")));

    public static readonly CatalogQuery<KeyValuePair<uint, string>> OperatorClasses =
        new("operator_classes", row => new KeyValuePair<uint, string>(row.Oid("oid"), row.Name("name")));
}
