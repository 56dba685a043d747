using System.Runtime.InteropServices;
using System.Text.Json;

namespace DbArchitect.Postgres.Parsing;

/// <summary>
/// The PostgreSQL 15 server's own parser (libpg_query, Debian <c>libpg-query1504.0</c>): SQL text
/// in, the server's parse tree, statements, tokens, normalized text or fingerprint out, so no SQL is
/// read by a lexer of our own. Safe to call from any number of threads at once.
/// </summary>
/// <remarks>Every method throws <see cref="Core.Failures.DbArchitectException"/> when libpg_query is not installed.</remarks>
public static unsafe class PgQuery
{
    // libpg_query's token numbers for U&"…" (UIDENT) and U&'…' (USCONST).
    private const int UnicodeIdentifier = 259;
    private const int UnicodeString = 262;

    /// <summary>The parse tree as libpg_query's JSON (<c>{"version":…,"stmts":[…]}</c>).</summary>
    /// <exception cref="SqlParseException">A syntax error.</exception>
    public static JsonDocument Parse(string sql) =>
        Call(sql, &PgQueryNative.Parse, &PgQueryNative.FreeParseResult, (result, _) => Json(result.ParseTree));

    /// <summary>The parse tree as <see cref="Parse"/> gives it; null for text with a syntax error.</summary>
    public static JsonDocument? TryParse(string sql)
    {
        try
        {
            return Parse(sql);
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// PL/pgSQL functions as the server's PL/pgSQL compiler reads them (libpg_query's JSON of their
    /// statements: <c>PLpgSQL_stmt_execsql</c> with its query text, <c>PLpgSQL_stmt_dynexecute</c>…).
    /// The input is CREATE FUNCTION statements in LANGUAGE plpgsql.
    /// </summary>
    /// <exception cref="SqlParseException">A syntax error in the function or its body.</exception>
    public static JsonDocument ParsePlpgsql(string sql) =>
        Call(sql, &PgQueryNative.ParsePlpgsql, &PgQueryNative.FreePlpgsqlParseResult, (result, _) => Json(result.PlpgsqlFuncs));

    /// <summary>
    /// The statements as the server's grammar divides them (libpg_query's split with the parser),
    /// each without its semicolon, comments before it left out.
    /// </summary>
    /// <exception cref="SqlParseException">A syntax error anywhere in the text.</exception>
    public static IReadOnlyList<SqlStatementSpan> Split(string sql) =>
        Call(sql, &PgQueryNative.SplitWithParser, &PgQueryNative.FreeSplitResult, (result, input) =>
        {
            var statements = new List<SqlStatementSpan>(result.NStmts);
            for (var i = 0; i < result.NStmts; i++)
            {
                var statement = result.Stmts[i];
                var start = input.CharOffset(statement->StmtLocation);
                var end = input.CharOffset(statement->StmtLocation + statement->StmtLen);
                statements.Add(new SqlStatementSpan(sql[start..end], start, end - start));
            }

            return statements;
        });

    /// <summary>The text with its constants replaced by <c>$1</c>, <c>$2</c>, … as pg_stat_statements shows it.</summary>
    /// <exception cref="SqlParseException">A syntax error.</exception>
    public static string Normalize(string sql) =>
        Call(sql, &PgQueryNative.Normalize, &PgQueryNative.FreeNormalizeResult, (result, _) => Marshal.PtrToStringUTF8((nint)result.NormalizedQuery) ?? "");

    /// <summary>
    /// libpg_query's fingerprint as 16 hex digits: equal for statements that differ only in
    /// constants, whitespace, comments and the like.
    /// </summary>
    /// <exception cref="SqlParseException">A syntax error.</exception>
    public static string Fingerprint(string sql) =>
        Call(sql, &PgQueryNative.Fingerprint, &PgQueryNative.FreeFingerprintResult, (result, _) => Marshal.PtrToStringUTF8((nint)result.FingerprintStr) ?? "");

    /// <summary>Every token of the server's lexer, comments included, in order.</summary>
    /// <exception cref="SqlParseException">The lexer rejected the text (an unterminated quote or comment, junk after a number…).</exception>
    public static IReadOnlyList<SqlScanToken> Scan(string sql) =>
        Call(sql, &PgQueryNative.Scan, &PgQueryNative.FreeScanResult, (result, input) =>
        {
            var message = new ReadOnlySpan<byte>(result.Pbuf.Data, checked((int)result.Pbuf.Len));
            var raw = new List<Utf8Token>();
            var position = 0;
            while (ScanResultReader.TryReadToken(message, ref position, out var token))
            {
                raw.Add(token);
            }

            var tokens = new List<SqlScanToken>(raw.Count);
            for (var i = 0; i < raw.Count; i++)
            {
                var start = input.CharOffset(raw[i].Start);
                var end = input.CharOffset(TrueEnd(raw, i, input));
                tokens.Add(new SqlScanToken(start, end - start, raw[i].Token, raw[i].Keyword, sql[start..end]));
            }

            return tokens;
        });

    /// <summary>
    /// One call into libpg_query: the text in as NUL-terminated UTF-8, an error out as
    /// <see cref="SqlParseException"/>, the result read while it is alive and always given back to
    /// its own free function, error or not.
    /// </summary>
    private static T Call<TResult, T>(string sql, delegate*<byte*, TResult> call, delegate*<TResult, void> free, Func<TResult, Utf8Text, T> read)
        where TResult : unmanaged, IPgQueryResult
    {
        PgQueryNative.Require();
        var input = new Utf8Text(sql);
        TResult result;
        fixed (byte* bytes = input.Bytes)
        {
            result = call(bytes);
        }

        try
        {
            if (result.Error != null)
            {
                throw Failure(result.Error, input, 0);
            }

            return read(result, input);
        }
        finally
        {
            free(result);
        }
    }

    private static JsonDocument Json(byte* text) => JsonDocument.Parse(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text).ToArray());

    // pg_query_scan ends U&"…" names and U&'…' strings after their last quote character alone;
    // they end where the next token begins, less the blanks between.
    private static int TrueEnd(List<Utf8Token> tokens, int i, Utf8Text input)
    {
        if (tokens[i].Token is not (UnicodeIdentifier or UnicodeString))
        {
            return tokens[i].End;
        }

        var end = i + 1 < tokens.Count ? tokens[i + 1].Start : input.Length;
        while (end > tokens[i].Start && input.Bytes[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f')
        {
            end--;
        }

        return end;
    }

    /// <summary>The error as an exception, its position counted from <paramref name="fromByte"/>, where the text given to libpg_query began.</summary>
    internal static SqlParseException Failure(PgQueryError* error, Utf8Text input, int fromByte)
    {
        var message = Marshal.PtrToStringUTF8((nint)error->Message) ?? "libpg_query failed";
        var position = error->CursorPos > 0
            ? input.CharOffset(input.ByteOffsetAfter(fromByte, error->CursorPos - 1)) + 1
            : 0;
        return new SqlParseException(OneLine(message), position);
    }

    // "… at or near" quotes the text from the error to the end of the input, which may be megabytes.
    private static string OneLine(string message)
    {
        var line = message.AsSpan();
        var newline = line.IndexOfAny('\r', '\n');
        line = newline < 0 ? line : line[..newline];
        return line.Length <= 200 ? line.ToString() : string.Concat(line[..200], "…");
    }
}
