namespace DbArchitect.Core.Validation;

/// <summary>
/// Checks SQL blocks for validity by asking a real server (implemented per engine). Core knows
/// only this contract so that the document model stays free of any driver.
/// </summary>
public interface ISqlChecker
{
    /// <summary>Returns one error per block the server rejects; empty when every block is accepted.</summary>
    Task<IReadOnlyList<SqlCheckError>> CheckAsync(IReadOnlyList<SqlBlock> blocks, CancellationToken cancellationToken);
}

/// <summary>An SQL block to check, with where it came from (e.g. "DB-ITEM-3.1 rollback").</summary>
public sealed record SqlBlock(string Origin, string Sql);

/// <summary>The server's verdict on one block.</summary>
public sealed record SqlCheckError(string Origin, string Message);
