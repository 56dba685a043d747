using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// Alembic revisions: the SQL of every <c>op.execute(…)</c> (and <c>execute</c> on the connection from
/// <c>op.get_bind()</c>, <c>sa.text(…)</c> unwrapped) in <c>def upgrade()</c> and <c>def downgrade()</c>;
/// the other operations (<c>op.add_column</c>, <c>op.create_table</c>, <c>batch_op.…</c>) are listed as not
/// analysed. Revisions are ordered by their <c>down_revision</c> chain, never by file name. On PostgreSQL
/// Alembic runs them in a transaction, except inside <c>autocommit_block()</c>.
/// </summary>
internal static partial class AlembicMigrations
{
    /// <summary>A revision read, with the revisions it follows (several for a merge, none for a root).</summary>
    public sealed record Revision(Migration Migration, string Id, IReadOnlyList<string> DownRevisions);

    public static Revision? Read(string path, string text)
    {
        if (RevisionId().Match(text) is not { Success: true } id)
        {
            return null;
        }

        var source = new PythonSource(text);
        if (source.FunctionBody("upgrade") is not { } up)
        {
            return null;
        }

        var revision = id.Groups["id"].Value;
        var file = Path.GetFileNameWithoutExtension(path);
        var name = file.Contains(revision, StringComparison.Ordinal) ? file[(file.IndexOf(revision, StringComparison.Ordinal) + revision.Length)..].TrimStart('_', '-') : file;
        var migration = CodeMigration.Of(path, MigrationConvention.Alembic, source, new(up.Start, up.End, AlembicCalls()),
            source.FunctionBody("downgrade") is { } down ? new(down.Start, down.End, AlembicCalls()) : null,
            runsInTransaction: !text.Contains("autocommit_block", StringComparison.Ordinal), version: revision) with { Name = name };
        var parents = DownRevision().Match(text) is { Success: true } downRevision
            ? Quoted().Matches(downRevision.Groups["value"].Value).Select(m => m.Groups["id"].Value).ToList()
            : [];
        return new Revision(migration, revision, parents);
    }

    /// <summary>Parents before children; revisions that are ready at the same time (branches) in file name order; a cycle's revisions last.</summary>
    public static IEnumerable<Migration> Ordered(IReadOnlyList<Revision> revisions)
    {
        var known = revisions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var pending = revisions.OrderBy(r => r.Migration.Up.Path, StringComparer.Ordinal).ToList();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(r => r.DownRevisions.All(parent => applied.Contains(parent) || !known.Contains(parent))) ?? pending[0];
            pending.Remove(ready);
            applied.Add(ready.Id);
            yield return ready.Migration;
        }
    }

    [GeneratedRegex(@"\G(?<![\w.])(?:(?<sql>(?:op|conn|connection|bind)\s*\.\s*execute\s*\((?:\s*(?:(?:sa|sqlalchemy)\s*\.\s*)?text\s*\()?)|(?<builder>(?:op|batch_op)\s*\.\s*(?!execute\b|get_bind\b|get_context\b|f\b|inline_literal\b)\w+)\s*\()")]
    private static partial Regex AlembicCalls();

    [GeneratedRegex(@"^revision\s*(?::[^=\n]*)?=\s*['""](?<id>[^'""]+)['""]", RegexOptions.Multiline)]
    private static partial Regex RevisionId();

    [GeneratedRegex(@"^down_revision\s*(?::[^=\n]*)?=\s*(?<value>None|['""][^'""]*['""]|\([^)]*\)|\[[^\]]*\])", RegexOptions.Multiline)]
    private static partial Regex DownRevision();

    [GeneratedRegex(@"['""](?<id>[^'""]+)['""]")]
    private static partial Regex Quoted();
}
