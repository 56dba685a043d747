using System.Text;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Parsing;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// An index the advisor considers, a plan insight or a rule proposes: keys in order, optional
/// INCLUDE columns and partial predicate. Keys and predicate are SQL as they would appear in CREATE
/// INDEX, already quoted; an expression key is parenthesised unless it is a bare function call.
/// The one writer of CREATE INDEX for a new index.
/// </summary>
public sealed partial record IndexCandidate
{
    public required string Schema { get; init; }
    public required string Table { get; init; }

    /// <summary>Access method: btree, hash, brin or gin.</summary>
    public string Method { get; init; } = "btree";

    public required IReadOnlyList<string> Keys { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>WHERE clause of a partial index, without the WHERE.</summary>
    public string? Predicate { get; init; }

    /// <summary>SQL to run before the index can exist, e.g. CREATE EXTENSION pg_trgm.</summary>
    public string? Prerequisite { get; init; }

    /// <summary>A UNIQUE index, e.g. one built to become a primary key.</summary>
    public bool Unique { get; init; }

    /// <summary>
    /// What follows the table, as pg_get_indexdef printed it, when this index copies an existing
    /// one (<see cref="CopyOf"/>); null when it is written from the method, keys, INCLUDE and predicate.
    /// </summary>
    private string? CopiedClauses { get; init; }

    private readonly string? chosenName;

    public string QualifiedTable => SqlIdentifier.Qualify(Schema, Table);

    /// <summary>
    /// The name it is created with: the conventional one unless the recommendation set had to
    /// choose another (<see cref="IndexNames"/>), because that one was taken.
    /// </summary>
    public string Name
    {
        get => chosenName ?? ConventionalName;
        init => chosenName = value;
    }

    /// <summary>table_keys[_predicate]_idx; past 63 bytes cut, with a hash of the definition so cut names stay apart.</summary>
    public string ConventionalName
    {
        get
        {
            var name = $"{NameStem}_idx";
            return Encoding.UTF8.GetByteCount(name) <= ObjectNames.MaxIdentifierBytes ? name : IndexNames.WithHash(this);
        }
    }

    /// <summary>The name without its _idx suffix.</summary>
    internal string NameStem => $"{Table}_{string.Join("_", NameParts())}";

    public string QualifiedName => SqlIdentifier.Qualify(Schema, Name);

    /// <summary>Same index whatever it is called: the identity used to de-duplicate candidates.</summary>
    public string Shape => $"{QualifiedTable}|{Method}|{string.Join(",", Keys)}|{string.Join(",", Include)}|{Predicate}{(Unique ? "|unique" : "")}";

    /// <summary>Unnamed CREATE INDEX, the form hypopg_create_index and a scratch trial take.</summary>
    public string Definition => $"{Create} ON {QualifiedTable}{Clauses}";

    /// <summary>The definition as pg_indexes.indexdef prints it once the index exists, for the check that it is this index.</summary>
    public string ServerDefinition => CopiedClauses is null
        ? $"{Create} {SqlIdentifier.Quote(Name)} ON {QualifiedTable} USING {Method} ({string.Join(", ", Keys)}){IncludeClause}{(Predicate is null ? "" : $" WHERE ({Predicate})")}"
        : $"{Create} {SqlIdentifier.Quote(Name)} ON {QualifiedTable}{Clauses}";

    /// <summary>The online statement a migration runs; no IF NOT EXISTS, the names were made unique when the set was built.</summary>
    public string CreateStatement => $"{Create} CONCURRENTLY {NamedBody};";

    /// <summary>For a table the same script creates: nothing reads it yet, and CONCURRENTLY cannot run inside the script's transaction.</summary>
    public string CreateInScript => $"{Create} {NamedBody};";

    /// <summary>
    /// On a partitioned table, where PostgreSQL 15 has no CONCURRENTLY: the index of the parent
    /// alone, a catalog entry that stays invalid until each partition's index is attached to it.
    /// </summary>
    public string CreateOnParentOnly => $"{Create} {SqlIdentifier.Quote(Name)} ON ONLY {QualifiedTable}{Clauses};";

    public string DropStatement => IndexStatements.DropNamed(QualifiedName, online: true);

    /// <summary>hypopg simulates btree, brin and hash; it refuses gin and gist.</summary>
    public bool Hypothetical => Method is "btree" or "brin" or "hash";

    public override string ToString() => Definition;

    /// <summary>
    /// An index like <paramref name="index"/> on <paramref name="table"/> under <paramref name="name"/>:
    /// a partition's share of its parent's index, which must match the parent's to be attached, so
    /// everything after the table is written as pg_get_indexdef printed it (opclasses, collations,
    /// storage parameters, NULLS NOT DISTINCT); keys and INCLUDE are the catalog's list of them.
    /// </summary>
    public static IndexCandidate CopyOf(IndexInfo index, TableInfo table, string name) => new()
    {
        Schema = table.Schema,
        Table = table.Name,
        Name = name,
        Method = index.Method,
        Keys = index.KeyColumns,
        Include = index.IncludedColumns,
        Predicate = index.Predicate,
        Unique = index.IsUnique,
        CopiedClauses = " " + FromUsing(index.Definition),
    };

    /// <summary>pg_get_indexdef's text from its USING on: the lexer's keyword, never a quoted name that holds the word.</summary>
    private static string FromUsing(string definition)
    {
        var keyword = PgQuery.Scan(definition).First(token => token.Keyword != KeywordKind.None && token.Text.Equals("USING", StringComparison.OrdinalIgnoreCase));
        return definition[keyword.Start..].Trim().TrimEnd(';');
    }

    private string Create => Unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX";

    private string NamedBody => $"{SqlIdentifier.Quote(Name)} ON {QualifiedTable}{Clauses}";

    private string Clauses => CopiedClauses ?? $"{Using} ({string.Join(", ", Keys)}){IncludeClause}{WhereClause}";

    private string Using => Method == "btree" ? "" : $" USING {Method}";
    private string IncludeClause => Include.Count == 0 ? "" : $" INCLUDE ({string.Join(", ", Include)})";
    private string WhereClause => Predicate is null ? "" : $" WHERE {Predicate}";

    // Variants of the same keys (covering, partial, other methods) must not share a name.
    private IEnumerable<string> NameParts()
    {
        foreach (var key in Keys)
        {
            yield return NamePart(key);
        }

        if (Include.Count > 0)
        {
            yield return "incl";
            foreach (var column in Include)
            {
                yield return NamePart(column);
            }
        }

        // The predicate's words, so that partial indexes for different values differ by name.
        if (Predicate is not null)
        {
            yield return NonWord().Replace(Cast().Replace(Predicate, ""), "_").Trim('_').ToLowerInvariant();
        }

        if (Method != "btree")
        {
            yield return Method;
        }
    }

    // An expression key is named by its words: ((payload ->> 'session'::text)) gives payload_session.
    private static string NamePart(string key) => key.Contains('(', StringComparison.Ordinal)
        ? NonWord().Replace(Cast().Replace(key, ""), "_").Trim('_').ToLowerInvariant()
        : new(key.Split(' ')[0].Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());

    [GeneratedRegex("::[a-z ]+(\\[\\])?")]
    private static partial Regex Cast();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
