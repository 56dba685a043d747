using System.Text.Json;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// drizzle-kit's <c>meta/_journal.json</c>: the migrations of its output folder in the order they apply
/// (<c>entries[].tag</c>, each the name of <c>&lt;tag&gt;.sql</c> beside <c>meta/</c>), and the dialect
/// they were generated for. drizzle-orm's PostgreSQL migrator applies the pending ones in one
/// transaction; drizzle writes no downs.
/// </summary>
internal static class DrizzleJournal
{
    public const string Path = "meta/_journal.json";

    /// <param name="Dialect">As the journal says it: <c>postgresql</c> (<c>pg</c> in older journals), <c>mysql</c>, <c>sqlite</c>…</param>
    /// <param name="Tags">The migrations' tags in journal order.</param>
    public sealed record Journal(string Dialect, IReadOnlyList<string> Tags)
    {
        public bool IsPostgres => Dialect is "postgresql" or "pg";
    }

    /// <returns>The journal; null when the text is no journal (not JSON, or no entries with tags), with the reason.</returns>
    public static (Journal? Journal, string? Problem) Read(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return (null, "a drizzle journal without an entries list");
            }

            var ordered = entries.EnumerateArray()
                .Select(entry => (Index: entry.TryGetProperty("idx", out var idx) && idx.TryGetInt32(out var i) ? i : int.MaxValue, Tag: entry.TryGetProperty("tag", out var tag) ? tag.GetString() : null))
                .ToList();
            if (ordered.Any(entry => string.IsNullOrEmpty(entry.Tag)))
            {
                return (null, "a drizzle journal entry without a tag");
            }

            var dialect = root.TryGetProperty("dialect", out var name) ? name.GetString() ?? "" : "";
            return (new Journal(dialect, [.. ordered.OrderBy(entry => entry.Index).Select(entry => entry.Tag!)]), null);
        }
        catch (JsonException e)
        {
            return (null, $"a drizzle journal that is not JSON ({e.Message})");
        }
    }
}
