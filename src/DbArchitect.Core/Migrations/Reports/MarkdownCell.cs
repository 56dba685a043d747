namespace DbArchitect.Core.Migrations.Reports;

/// <summary>Text fit for one cell of a Markdown table: on one line, its pipes escaped.</summary>
internal static class MarkdownCell
{
    public static string Of(string text) => Failures.OneLine.Of(text).Replace("|", "\\|", StringComparison.Ordinal);
}
