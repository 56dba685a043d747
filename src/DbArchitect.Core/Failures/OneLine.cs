namespace DbArchitect.Core.Failures;

/// <summary>Text as the one line a user sees: a failure's message, a statement in a list.</summary>
public static class OneLine
{
    /// <summary>Line breaks and tabs become single spaces.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Every run of whitespace as one blank, cut with an ellipsis to at most <paramref name="length"/> characters.</summary>
    public static string Cut(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
