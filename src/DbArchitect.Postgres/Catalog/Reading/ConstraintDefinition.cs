using System.Text;

namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>What pg_get_constraintdef prints beyond the columns and actions that <see cref="ConstraintInfo"/> already holds.</summary>
internal sealed record ConstraintFlags(bool Deferrable, bool InitiallyDeferred, bool MatchFull, bool ReferencedTableVisible);

/// <summary>
/// Prints a primary key, unique constraint or foreign key as pg_get_constraintdef(oid, true) does,
/// for the plain ones constraints.sql leaves without a definition.
/// </summary>
internal static class ConstraintDefinition
{
    public static string Print(ConstraintInfo constraint, ConstraintFlags flags, ServerQuoting quoting)
    {
        var text = new StringBuilder();
        switch (constraint.Kind)
        {
            case ConstraintKind.PrimaryKey:
                text.Append($"PRIMARY KEY ({quoting.List(constraint.Columns)})");
                break;
            case ConstraintKind.Unique:
                text.Append($"UNIQUE ({quoting.List(constraint.Columns)})");
                break;
            case ConstraintKind.ForeignKey:
                // The server names the referenced table unqualified when the search path finds it.
                var referenced = flags.ReferencedTableVisible
                    ? quoting.Quote(constraint.ReferencedTable!)
                    : quoting.Qualify(constraint.ReferencedSchema!, constraint.ReferencedTable!);
                text.Append($"FOREIGN KEY ({quoting.List(constraint.Columns)}) REFERENCES {referenced}({quoting.List(constraint.ReferencedColumns)})");
                text.Append(flags.MatchFull ? " MATCH FULL" : string.Empty);
                text.Append(constraint.OnUpdate is { } onUpdate and not "NO ACTION" ? $" ON UPDATE {onUpdate}" : string.Empty);
                text.Append(constraint.OnDelete is { } onDelete and not "NO ACTION" ? $" ON DELETE {onDelete}" : string.Empty);
                break;
            default:
                throw new InvalidOperationException($"constraint {constraint.Name} of kind {constraint.Kind} has no definition to print");
        }

        text.Append(flags.Deferrable ? " DEFERRABLE" : string.Empty);
        text.Append(flags.InitiallyDeferred ? " INITIALLY DEFERRED" : string.Empty);
        text.Append(constraint.Validated ? string.Empty : " NOT VALID");
        return text.ToString();
    }
}
