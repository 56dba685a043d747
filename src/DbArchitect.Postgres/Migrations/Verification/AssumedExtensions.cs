using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace DbArchitect.Postgres.Migrations.Verification;

/// <summary>
/// Chains often take an extension for granted that the application's setup creates outside the
/// migrations (uuid-ossp's <c>uuid_generate_v4()</c>, citext, pg_trgm's operator classes). When an
/// up fails on an object such an extension provides, and the scratch server has it, it is created
/// so the chain can be proven, and the verdict says the chain assumes it.
/// </summary>
public static partial class AssumedExtensions
{
    // Objects that name their extension: functions, types and operator classes migrations use.
    private static readonly (Regex Object, string Extension)[] Providers =
    [
        (new Regex(@"\buuid_generate_v[1-5]|\buuid_nil\b|\buuid_ns_", RegexOptions.IgnoreCase), "uuid-ossp"),
        (new Regex(@"\b(gen_random_bytes|crypt|gen_salt|digest|hmac|pgp_sym_encrypt|pgp_sym_decrypt)\b", RegexOptions.IgnoreCase), "pgcrypto"),
        (new Regex(@"\bcitext\b", RegexOptions.IgnoreCase), "citext"),
        (new Regex(@"\bhstore\b", RegexOptions.IgnoreCase), "hstore"),
        (new Regex(@"\bltree\b", RegexOptions.IgnoreCase), "ltree"),
        (new Regex(@"\bgi[ns]t_trgm_ops\b|\bsimilarity\b|\bword_similarity\b", RegexOptions.IgnoreCase), "pg_trgm"),
        (new Regex(@"\bunaccent\b", RegexOptions.IgnoreCase), "unaccent"),
        (new Regex(@"\bbtree_gist\b|\bgist_[a-z0-9]+_ops\b", RegexOptions.IgnoreCase), "btree_gist"),
        (new Regex(@"\bgeometry\b|\bgeography\b|\bST_[A-Za-z]+", RegexOptions.None), "postgis"),
    ];

    /// <summary>The extension a failure names an object of, when the scratch server offers it and it is not installed; null otherwise.</summary>
    public static async Task<string?> ForFailureAsync(NpgsqlConnection connection, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(error);
        if (!MissingObject().IsMatch(error))
        {
            return null;
        }

        foreach (var (pattern, extension) in Providers)
        {
            if (pattern.IsMatch(error) && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT FROM pg_available_extensions WHERE name = @extension AND installed_version IS NULL)", new { extension }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                return extension;
            }
        }

        return null;
    }

    public static Task CreateAsync(NpgsqlConnection connection, string extension, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition($"CREATE EXTENSION IF NOT EXISTS {Catalog.SqlIdentifier.Quote(extension)}", cancellationToken: cancellationToken));

    // undefined function (42883), undefined object such as a type or operator class (42704).
    [GeneratedRegex(@"\b(42883|42704)\b")]
    private static partial Regex MissingObject();
}
