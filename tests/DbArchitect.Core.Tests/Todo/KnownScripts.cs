using DbArchitect.Core.Validation;

namespace DbArchitect.Core.Tests.Todo;

/// <summary>An engine's script reader stand-in: blank text and the scripts named here hold no statement.</summary>
internal sealed class KnownScripts(params string[] withoutStatements) : ISqlScriptReader
{
    public bool HasNoStatement(string sql) => string.IsNullOrWhiteSpace(sql) || withoutStatements.Contains(sql);
}
