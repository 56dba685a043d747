using System.Text.RegularExpressions;

namespace DbArchitect.Postgres.Explain;

/// <summary>
/// pg_stat_statements replaces the literal of a typed constant, <c>timestamptz '2025-06-01'</c>,
/// with a placeholder and keeps the type name in front: <c>timestamptz $2</c>, which is not SQL.
/// Written as a cast, <c>$2::timestamptz</c>, it means the same and can be planned.
/// </summary>
public static partial class TypedPlaceholders
{
    public static string Rewrite(string sql) => TypedPlaceholder().Replace(sql, m => $"${m.Groups["n"].Value}::{m.Groups["type"].Value}");

    [GeneratedRegex(@"\b(?<type>timestamptz|timestamp(?: with(?:out)? time zone)?|date|time(?: with(?:out)? time zone)?|timetz|interval|inet|cidr|uuid|jsonb?|numeric|money|bit|varbit)\s+\$(?<n>[1-9][0-9]*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypedPlaceholder();
}
