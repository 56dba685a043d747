using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation.Rules;

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
    public static SqlBlock? Of(TodoItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var sql = SqlText.IsOnlyComments(item.Rollback) ? item.Sql : $"{item.Sql.TrimEnd().TrimEnd(';')};\n{item.Rollback}";
        return SqlText.IsOnlyComments(sql) ? null : new SqlBlock(OriginOf(item), sql);
    }
}
