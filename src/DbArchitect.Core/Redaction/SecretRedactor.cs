using System.Data.Common;

namespace DbArchitect.Core.Redaction;

/// <summary>
/// The secrets of one run (API key, database passwords), masked out of anything bound for the
/// model. The tools already keep secrets out of their results; this is the last check before
/// the wire, so a slip anywhere upstream still never leaves the machine.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>
    /// Shorter values are not masked: replacing every "pg" or "123" in a schema description would
    /// corrupt the text the model needs, and so short a secret is no secret anyway.
    /// </summary>
    public const int MinimumLength = 4;

    private readonly Lock _gate = new();
    private volatile string[] _secrets = [];

    /// <summary>Adds a secret value; empty and too-short values are ignored.</summary>
    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            _secrets = [.. _secrets.Append(secret).Distinct().OrderByDescending(value => value.Length)];
        }
    }

    /// <summary>
    /// Adds the password of a connection string (<c>Password=...</c> / <c>Pwd=...</c> keyword form or
    /// a <c>postgresql://user:password@host</c> URL) and the connection string itself.
    /// </summary>
    public void AddConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        Add(connectionString);
        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var url) && url.UserInfo.Contains(':'))
        {
            var password = url.UserInfo[(url.UserInfo.IndexOf(':') + 1)..];
            Add(password);
            Add(Uri.UnescapeDataString(password));
            return;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var keyword in new[] { "Password", "Pwd" })
            {
                if (builder.TryGetValue(keyword, out var value))
                {
                    Add(value?.ToString());
                }
            }
        }
        catch (ArgumentException)
        {
            // Not keyword=value form either; the whole string is masked already.
        }
    }

    public bool AppearsIn(string text) => Array.Exists(_secrets, secret => text.Contains(secret, StringComparison.Ordinal));

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
