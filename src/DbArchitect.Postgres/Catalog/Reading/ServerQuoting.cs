using System.Text;

namespace DbArchitect.Postgres.Catalog.Reading;

/// <summary>
/// Quotes names exactly as the server's quote_identifier does, which is what pg_get_indexdef and
/// pg_get_constraintdef print: unquoted only when lower-case ASCII letters, digits and underscores
/// (not starting with a digit) and not a key word outside the unreserved category. This differs
/// from <see cref="SqlIdentifier.Quote"/> (e.g. for "$" and for column-name key words such as
/// "value" or "name"), so definitions built on the client must use this one.
/// </summary>
internal sealed class ServerQuoting(IReadOnlyCollection<string> quotedKeywords)
{
    public static readonly CatalogQuery<string> Keywords = new("keywords", row => row.String("word"));

    private readonly HashSet<string> _quotedKeywords = new(quotedKeywords, StringComparer.Ordinal);

    public string Quote(string name) =>
        IsSafe(name) ? name : new StringBuilder(name.Length + 2).Append('"').Append(name.Replace("\"", "\"\"")).Append('"').ToString();

    public string Qualify(string schema, string name) => $"{Quote(schema)}.{Quote(name)}";

    public string List(IEnumerable<string> names) => string.Join(", ", names.Select(Quote));

    private bool IsSafe(string name)
    {
        if (name.Length == 0 || !(name[0] is >= 'a' and <= 'z' or '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return !_quotedKeywords.Contains(name);
    }
}
