using System.Text;

namespace DbArchitect.Postgres.Catalog;

/// <summary>
/// The one place identifiers are quoted. PostgreSQL folds unquoted names to lower case, so any
/// name that is not lower-case ASCII letters, digits and underscores (or is a reserved word) must
/// be quoted to mean itself.
/// </summary>
public static class SqlIdentifier
{
    // Reserved key words of PostgreSQL 15 (appendix C, "reserved" and "reserved (can be function or type)").
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
        "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
        "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable",
        "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
        "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
        "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
        "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
        "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
        "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
        "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
        "where", "window", "with",
    };

    /// <summary>True when the name must be double-quoted to be used as written.</summary>
    public static bool NeedsQuotes(string name)
    {
        if (name.Length == 0 || Reserved.Contains(name))
        {
            return true;
        }

        if (!(name[0] is >= 'a' and <= 'z' or '_'))
        {
            return true;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '$'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name as SQL text, quoted (with embedded quotes doubled) only when needed.</summary>
    public static string Quote(string name) =>
        NeedsQuotes(name) ? new StringBuilder(name.Length + 2).Append('"').Append(name.Replace("\"", "\"\"")).Append('"').ToString() : name;

    /// <summary>schema.name with each part quoted as needed.</summary>
    public static string Qualify(string schema, string name) => $"{Quote(schema)}.{Quote(name)}";

    /// <summary>A string literal for SQL text that is shown to people (DDL in the TODO), never for executing values.</summary>
    public static string Literal(string value) => $"'{value.Replace("'", "''")}'";
}
