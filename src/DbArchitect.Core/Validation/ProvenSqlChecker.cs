using System.Collections.Concurrent;

namespace DbArchitect.Core.Validation;

/// <summary>
/// Asks the server about each distinct SQL text once: a block whose exact text an earlier call
/// already ran and saw accepted is accepted again without running it. That holds because the
/// checker leaves its database as it found it (every block is rolled back), so the same text
/// meets the same schema and gets the same verdict; the remedies proven before the document is
/// assembled are then not proven a second time when the document is validated, while any other
/// text (a model's edit, a revised item) still goes to the server. Rejected text is never
/// remembered, so its error is reported again wherever it appears.
/// </summary>
public sealed class ProvenSqlChecker(ISqlChecker server) : ISqlChecker
{
    private readonly ConcurrentDictionary<string, bool> _accepted = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<SqlCheckError>> CheckAsync(IReadOnlyList<SqlBlock> blocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var unproven = blocks.Where(block => !_accepted.ContainsKey(block.Sql)).ToList();
        if (unproven.Count == 0)
        {
            return [];
        }

        var errors = await server.CheckAsync(unproven, cancellationToken).ConfigureAwait(false);
        var rejected = errors.Select(error => error.Origin).ToHashSet(StringComparer.Ordinal);
        foreach (var block in unproven.Where(block => !rejected.Contains(block.Origin)))
        {
            _accepted.TryAdd(block.Sql, true);
        }

        return errors;
    }
}
