namespace DbArchitect.Core.Validation.Rules;

/// <summary>Just enough SQL lexing to tell a script from a script that is only comments.</summary>
internal static class SqlText
{
    /// <summary>True when <paramref name="sql"/> has nothing but whitespace, <c>--</c> and (nested) <c>/* */</c> comments.</summary>
    public static bool IsOnlyComments(string sql)
    {
        var index = 0;
        var depth = 0;
        while (index < sql.Length)
        {
            if (depth > 0)
            {
                depth += At(sql, index, "/*") ? 1 : At(sql, index, "*/") ? -1 : 0;
                index += At(sql, index, "/*") || At(sql, index, "*/") ? 2 : 1;
            }
            else if (At(sql, index, "--"))
            {
                var end = sql.IndexOf('\n', index);
                index = end < 0 ? sql.Length : end + 1;
            }
            else if (At(sql, index, "/*"))
            {
                depth = 1;
                index += 2;
            }
            else if (char.IsWhiteSpace(sql[index]))
            {
                index++;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool At(string sql, int index, string token) =>
        string.CompareOrdinal(sql, index, token, 0, token.Length) == 0;
}
