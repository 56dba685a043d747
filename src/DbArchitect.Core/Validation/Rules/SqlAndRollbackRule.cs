using DbArchitect.Core.Findings;
using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation.Rules;

/// <summary>
/// Every item carries SQL and a rollback. A rollback that is only a comment (nothing to undo) is
/// accepted for maintenance such as VACUUM and nowhere else.
/// </summary>
internal sealed class SqlAndRollbackRule : ITodoRule
{
    public IEnumerable<ValidationError> Check(TodoDocument document, ValidationContext context)
    {
        foreach (var item in document.Items)
        {
            if (string.IsNullOrWhiteSpace(item.Sql))
            {
                yield return new ValidationError(item.Id, "has no DDL/DML; give the SQL that makes the change");
            }

            if (string.IsNullOrWhiteSpace(item.Rollback))
            {
                yield return new ValidationError(item.Id, "has no rollback; give the SQL that undoes the DDL/DML");
            }
            else if (context.Scripts.HasNoStatement(item.Rollback) && item.Type != ChangeKind.Maintenance)
            {
                yield return new ValidationError(item.Id, $"rollback is only a comment, which is accepted for maintenance items only; this is a {item.Type} item, give SQL that undoes it");
            }
        }
    }
}
