namespace DbArchitect.Core.Failures;

/// <summary>A failure's message as the one line a user sees: line breaks and tabs become single spaces.</summary>
public static class OneLine
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
