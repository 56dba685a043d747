namespace DbArchitect.Postgres.Rules.Support;

/// <summary>
/// When one problem hits many objects, rules report it once for the database instead of once per
/// object; this is the cut-off and the way the objects are listed in the evidence.
/// </summary>
internal static class ManyObjects
{
    /// <summary>More affected objects than this become one database-wide finding.</summary>
    public const int Limit = 10;

    public static string List(IReadOnlyCollection<string> names) =>
        names.Count <= Limit
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(Limit)) + $" and {names.Count - Limit} more";
}
