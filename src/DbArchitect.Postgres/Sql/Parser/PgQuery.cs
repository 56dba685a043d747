using System.Runtime.InteropServices;
using System.Text.Json;

namespace DbArchitect.Postgres.Sql.Parser;

/// <summary>
/// The PostgreSQL server's own parser (libpg_query, Debian <c>libpg-query1504.0</c>): SQL text in,
/// the server's parse tree out, so no SQL is read by a lexer of our own.
/// </summary>
public static unsafe class PgQuery
{
    private const string Package = "libpg-query1504.0";

    /// <summary>The parse tree as libpg_query's JSON (<c>{"version":…,"stmts":[…]}</c>).</summary>
    /// <exception cref="PgQueryException">A syntax error, or the library is missing.</exception>
    public static JsonDocument Parse(string sql)
    {
        PgQueryNative.ParseResult result;
        try
        {
            result = PgQueryNative.Parse(sql);
        }
        catch (DllNotFoundException e)
        {
            throw new PgQueryException($"the SQL parser libpg_query is not installed: apt-get install {Package}", e);
        }

        try
        {
            if (result.Error != null)
            {
                var error = result.Error;
                throw new PgQueryException($"{Marshal.PtrToStringUTF8((nint)error->Message)} (at character {error->CursorPos})");
            }

            return JsonDocument.Parse(Marshal.PtrToStringUTF8((nint)result.ParseTree) ?? "{}");
        }
        finally
        {
            PgQueryNative.FreeParseResult(result);
        }
    }
}
