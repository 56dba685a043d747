using System.Text;
using System.Text.RegularExpressions;
using DbArchitect.Postgres.Catalog;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Advisor;

/// <summary>
/// An index the advisor considers: keys in order, optional INCLUDE columns and partial predicate.
/// Keys and predicate are SQL as they would appear in CREATE INDEX, already quoted; an expression
/// key is parenthesised unless it is a bare function call.
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
    public string Shape => $"{QualifiedTable}|{Method}|{string.Join(",", Keys)}|{string.Join(",", Include)}|{Predicate}";

    /// <summary>Unnamed CREATE INDEX, the form hypopg_create_index and a scratch trial take.</summary>
    public string Definition => $"CREATE INDEX ON {QualifiedTable}{Using} ({string.Join(", ", Keys)}){IncludeClause}{WhereClause}";

    /// <summary>The definition as pg_indexes.indexdef prints it once the index exists, for the check that it is this index.</summary>
    public string ServerDefinition => $"CREATE INDEX {SqlIdentifier.Quote(Name)} ON {QualifiedTable} USING {Method} ({string.Join(", ", Keys)}){IncludeClause}{(Predicate is null ? "" : $" WHERE ({Predicate})")}";

    /// <summary>The online statement a migration runs; no IF NOT EXISTS, the names were made unique when the set was built.</summary>
    public string CreateStatement => $"CREATE INDEX CONCURRENTLY {NamedBody};";

    /// <summary>For a table the same script creates: nothing reads it yet, and CONCURRENTLY cannot run inside the script's transaction.</summary>
    public string CreateInScript => $"CREATE INDEX {NamedBody};";

    public string DropStatement => IndexStatements.DropNamed(QualifiedName, online: true);

    /// <summary>hypopg simulates btree, brin and hash; it refuses gin and gist.</summary>
    public bool Hypothetical => Method is "btree" or "brin" or "hash";

    public override string ToString() => Definition;

    private string NamedBody => $"{SqlIdentifier.Quote(Name)} ON {QualifiedTable}{Using} ({string.Join(", ", Keys)}){IncludeClause}{WhereClause}";

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
