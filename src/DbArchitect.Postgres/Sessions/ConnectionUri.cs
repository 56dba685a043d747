using System.Globalization;
using DbArchitect.Core.Failures;
using Npgsql;

namespace DbArchitect.Postgres.Sessions;

/// <summary>
/// Accepts libpq's URI form (<c>postgresql://user:pass@host:5432/db?sslmode=require</c>), which is
/// what <c>DATABASE_URL</c> usually holds, and turns it into the key/value form Npgsql reads.
/// Key/value strings pass through unchanged.
/// </summary>
public static class ConnectionUri
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    public static string ToKeyValue(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var text = connectionString.Trim();
        if (!Schemes.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw Invalid("not a valid URI");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        if (uri.Host.Length > 0)
        {
            builder.Host = uri.Host.Trim('[', ']');
        }

        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var (user, password) = Split(uri.UserInfo, ':');
            builder.Username = Uri.UnescapeDataString(user);
            if (password is not null)
            {
                builder.Password = Uri.UnescapeDataString(password);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = Split(pair, '=');
            Apply(builder, Uri.UnescapeDataString(key), Uri.UnescapeDataString(value ?? ""));
        }

        return builder.ConnectionString;
    }

    private static void Apply(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "sslmode":
                builder.SslMode = value.ToLowerInvariant() switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw Invalid($"unknown sslmode '{value}'"),
                };
                break;
            case "connect_timeout":
                builder.Timeout = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? seconds
                    : throw Invalid($"connect_timeout '{value}' is not a number of seconds");
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "user":
                builder.Username = value;
                break;
            case "password":
                builder.Password = value;
                break;
            case "dbname":
                builder.Database = value;
                break;
            case "host":
                builder.Host = value;
                break;
            case "port":
                builder.Port = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) ? port : throw Invalid($"port '{value}' is not a number");
                break;
            case "options":
                builder.Options = value;
                break;
            default:
                // A parameter we would silently drop could be the one that makes the session safe or secure.
                throw Invalid($"URI parameter '{key}' is not supported (sslmode, connect_timeout, application_name, options, user, password, dbname, host, port are)");
        }
    }

    private static (string Head, string? Tail) Split(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
    }

    private static DbArchitectException Invalid(string reason) =>
        new(FailureKind.Usage, $"invalid connection URI: {reason}");
}
