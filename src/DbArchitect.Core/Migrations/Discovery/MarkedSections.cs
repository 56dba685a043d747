using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// The up and down sections of a single-file migration (dbmate's <c>-- migrate:up</c>, goose's
/// <c>-- +goose Up</c>): each section runs from the line after its marker to the next marker.
/// </summary>
internal static partial class MarkedSections
{
    public sealed record Sections(MigrationConvention Convention, MigrationScript Up, MigrationScript? Down, bool RunsInTransaction);

    /// <summary>The sections, or null when the text has no up marker of either tool.</summary>
    public static Sections? Read(string path, string text)
    {
        var markers = Marker().Matches(text).ToList();
        if (markers.FirstOrDefault(m => m.Groups["up"].Success) is not { } up)
        {
            return null;
        }

        var convention = up.Groups["goose"].Success ? MigrationConvention.Goose : MigrationConvention.Dbmate;
        var down = markers.FirstOrDefault(m => m.Groups["down"].Success && m.Index > up.Index);
        var inTransaction = convention == MigrationConvention.Goose
            ? !NoTransaction().IsMatch(text)
            : !up.Value.Contains("transaction:false", StringComparison.OrdinalIgnoreCase);
        return new Sections(convention, Section(path, text, up, markers), down is null ? null : Section(path, text, down, markers), inTransaction);
    }

    private static MigrationScript Section(string path, string text, Match marker, List<Match> markers)
    {
        var start = text.IndexOf('\n', marker.Index) is var newline and >= 0 ? newline + 1 : text.Length;
        var next = markers.FirstOrDefault(m => m.Index > marker.Index && (m.Groups["up"].Success || m.Groups["down"].Success));
        var end = next?.Index ?? text.Length;
        var line = 1 + text.AsSpan(0, start).Count('\n');
        return new MigrationScript(path, line, text[start..Math.Max(start, end)]);
    }

    [GeneratedRegex(@"^--\s*(?:(?<goose>\+goose)\s+(?:(?<up>Up)|(?<down>Down))\b|migrate:(?:(?<up>up)|(?<down>down))\b)[^\n]*", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^--\s*\+goose\s+NO\s+TRANSACTION\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex NoTransaction();
}
