namespace DbArchitect.Core.Validation;

/// <summary>
/// The engine's reading of a script, as validation needs it: whether it holds any statement at all
/// or only whitespace and comments (a maintenance item's rollback may be a comment saying why
/// nothing undoes it). Each engine answers with its own parser; Core reads no SQL itself.
/// </summary>
public interface ISqlScriptReader
{
    bool HasNoStatement(string sql);
}
