using System.Text;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Explain;

/// <summary>
/// pg_stat_statements replaces the literal of a typed constant, <c>timestamptz '2025-06-01'</c>,
/// with a placeholder and keeps the type name in front: <c>timestamptz $2</c>, which is not SQL.
/// Written as a cast, <c>$2::timestamptz</c>, it means the same and can be planned. Read on the
/// server's lexer, so a type name inside a string or a comment is left as it is.
/// </summary>
public static class TypedPlaceholders
{
    // The types pg_stat_statements keeps in front of a placeholder, word by word, longer forms first.
    private static readonly string[][] TypeNames =
    [
        ["timestamp", "with", "time", "zone"], ["timestamp", "without", "time", "zone"],
        ["time", "with", "time", "zone"], ["time", "without", "time", "zone"],
        ["timestamptz"], ["timestamp"], ["date"], ["timetz"], ["time"], ["interval"], ["inet"], ["cidr"],
        ["uuid"], ["jsonb"], ["json"], ["numeric"], ["money"], ["bit"], ["varbit"],
    ];

    public static string Rewrite(string sql)
    {
        var tokens = ScannedSql.Of(sql).Tokens.Where(token => !token.IsComment).ToList();
        var rewritten = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Token != SqlScanToken.Param || TypeBefore(tokens, i) is not { } first)
            {
                continue;
            }

            var type = string.Join(' ', tokens[first..i].Select(token => token.Text));
            rewritten.Append(sql, copied, tokens[first].Start - copied).Append(tokens[i].Text).Append("::").Append(type);
            copied = tokens[i].Start + tokens[i].Length;
        }

        return copied == 0 ? sql : rewritten.Append(sql, copied, sql.Length - copied).ToString();
    }

    /// <returns>The index of the type name's first word right before the placeholder at <paramref name="placeholder"/>; null when none is.</returns>
    private static int? TypeBefore(List<SqlScanToken> tokens, int placeholder)
    {
        foreach (var words in TypeNames)
        {
            var first = placeholder - words.Length;
            if (first < 0 || (first > 0 && tokens[first - 1].Text == "."))
            {
                continue;
            }

            if (words.Select((word, k) => tokens[first + k].Text.Equals(word, StringComparison.OrdinalIgnoreCase)).All(same => same))
            {
                return first;
            }
        }

        return null;
    }
}
