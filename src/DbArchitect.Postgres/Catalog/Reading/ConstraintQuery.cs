namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>A constraint as read, before its column attnums are named and, for the plain kinds, its definition printed.</summary>
internal sealed record ConstraintRow(ConstraintInfo Constraint, short[] Keys, uint ReferencedTableOid, short[] ReferencedKeys, ConstraintFlags Flags)
{
    public ConstraintInfo Resolve(ColumnNames columns, ServerQuoting quoting)
    {
        var constraint = Constraint with
        {
            Columns = columns.Names(Constraint.TableOid, Keys),
            ReferencedColumns = columns.Names(ReferencedTableOid, ReferencedKeys),
        };
        return constraint.Definition.Length > 0 ? constraint : constraint with { Definition = ConstraintDefinition.Print(constraint, Flags, quoting) };
    }
}

internal static class ConstraintQuery
{
    public static readonly CatalogQuery<ConstraintRow> Query = new("constraints", row => new ConstraintRow(
        new ConstraintInfo
        {
            Schema = row.Name("schema"),
            Table = row.Name("table"),
            TableOid = row.Oid("table_oid"),
            Name = row.String("name"),
            Kind = Kind(row.String("kind")),
            Definition = row.NullableString("definition") ?? string.Empty,
            Validated = row.Bool("validated"),
            ReferencedSchema = row.NullableName("referenced_schema"),
            ReferencedTable = row.NullableName("referenced_table"),
            OnDelete = Action(row.NullableString("on_delete")),
            OnUpdate = Action(row.NullableString("on_update")),
        },
        row.Shorts("keys"),
        row.Oid("referenced_table_oid"),
        row.Shorts("referenced_keys"),
        new ConstraintFlags(row.Bool("deferrable"), row.Bool("deferred"), row.Bool("match_full"), row.NullableBool("referenced_visible") ?? false)));

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
