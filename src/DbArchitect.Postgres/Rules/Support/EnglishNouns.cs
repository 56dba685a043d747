namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// Just enough English plural forms to judge and suggest table names. Only the last
/// underscore-separated word counts: <c>order_item</c> becomes <c>order_items</c>.
/// </summary>
internal static class EnglishNouns
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["person"] = "people", ["child"] = "children", ["man"] = "men", ["woman"] = "women",
        ["mouse"] = "mice", ["goose"] = "geese", ["tooth"] = "teeth", ["foot"] = "feet",
        ["datum"] = "data", ["medium"] = "media", ["criterion"] = "criteria", ["index"] = "indexes",
        ["analysis"] = "analyses", ["status"] = "statuses", ["address"] = "addresses",
    };

    // Words that are already plural or read the same in both numbers.
    private static readonly HashSet<string> Uncountable = new(StringComparer.Ordinal)
    {
        "data", "media", "news", "series", "species", "metadata", "information", "equipment", "staff",
        "feedback", "inventory", "history", "audit", "log", "settings", "people", "children", "men",
        "women", "criteria", "analytics", "statistics", "stats", "config", "configuration", "money",
    };

    public static bool IsPlural(string tableName)
    {
        var word = LastWord(tableName).ToLowerInvariant();
        if (word.Length == 0 || Uncountable.Contains(word) || Irregular.ContainsValue(word))
        {
            return true;
        }

        if (Irregular.ContainsKey(word))
        {
            return false;
        }

        // "status", "address", "bus" end in s but are singular; "-ss" and "-us" endings are not plurals.
        return word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal);
    }

    public static string Pluralize(string name)
    {
        var word = LastWord(name);
        var stem = name[..^word.Length];
        var lower = word.ToLowerInvariant();
        if (Irregular.TryGetValue(lower, out var irregular))
        {
            return stem + irregular;
        }

        if (lower.EndsWith('y') && lower.Length > 1 && !"aeiou".Contains(lower[^2]))
        {
            return stem + word[..^1] + "ies";
        }

        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            return stem + word + "es";
        }

        return stem + word + "s";
    }

    private static string LastWord(string name)
    {
        var cut = name.LastIndexOf('_');
        return cut < 0 ? name : name[(cut + 1)..];
    }
}
