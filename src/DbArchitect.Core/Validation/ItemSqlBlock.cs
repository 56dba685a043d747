using DbArchitect.Core.Todo;

namespace DbArchitect.Core.Validation;

/// <summary>
/// What the server is asked about one item: its change and then its rollback, as one block, in
/// that order, because a rollback is only proven if it runs on the state the change leaves behind.
/// </summary>
public static class ItemSqlBlock
{
    public static string OriginOf(TodoItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"{item.Id} change then rollback";
    }

    /// <summary>Null for an item with nothing but comments to run.</summary>
    public static SqlBlock? Of(TodoItem item, ISqlScriptReader scripts)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(scripts);
        // A rollback with a statement makes the block one; only a change alone can still be empty.
        if (!scripts.HasNoStatement(item.Rollback))
        {
            return new SqlBlock(OriginOf(item), $"{item.Sql.TrimEnd().TrimEnd(';')};\n{item.Rollback}");
        }

        return scripts.HasNoStatement(item.Sql) ? null : new SqlBlock(OriginOf(item), item.Sql);
    }
}
