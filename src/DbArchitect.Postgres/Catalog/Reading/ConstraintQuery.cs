namespace DbArchitect.Postgres.Catalog.Reading;

internal static class ConstraintQuery
{
    public static readonly CatalogQuery<ConstraintInfo> Query = new("constraints", row => new ConstraintInfo
    {
        Schema = row.Name("schema"),
        Table = row.Name("table"),
        TableOid = row.Oid("table_oid"),
        Name = row.String("name"),
        Kind = Kind(row.String("kind")),
        Columns = row.Names("columns"),
        Definition = row.String("definition"),
        Validated = row.Bool("validated"),
        ReferencedSchema = row.NullableName("referenced_schema"),
        ReferencedTable = row.NullableName("referenced_table"),
        ReferencedColumns = row.Names("referenced_columns"),
        OnDelete = Action(row.NullableString("on_delete")),
        OnUpdate = Action(row.NullableString("on_update")),
    });

    private static ConstraintKind Kind(string contype) => contype switch
    {
        "p" => ConstraintKind.PrimaryKey,
        "f" => ConstraintKind.ForeignKey,
        "u" => ConstraintKind.Unique,
        "c" => ConstraintKind.Check,
        "x" => ConstraintKind.Exclusion,
        "t" => ConstraintKind.Trigger,
        "n" => ConstraintKind.NotNull,
        _ => throw new InvalidOperationException($"unexpected contype '{contype}'"),
    };

    private static string? Action(string? code) => code switch
    {
        null => null,
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => throw new InvalidOperationException($"unexpected foreign key action '{code}'"),
    };
}
