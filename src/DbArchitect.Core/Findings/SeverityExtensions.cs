namespace DbArchitect.Core.Findings;

/// <summary>Parsing of severities as users type them on the command line.</summary>
public static class SeverityParser
{
    public static bool TryParse(string? text, out Severity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity);
}
