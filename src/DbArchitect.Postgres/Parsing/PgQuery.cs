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
    public static JsonDocument Parse(string sql)
    {
        PgQueryNative.Require();
        var input = new Utf8Text(sql);
        PgQueryParseResult result;
        fixed (byte* bytes = input.Bytes)
        {
            result = PgQueryNative.Parse(bytes);
        }

        try
        {
            ThrowIfFailed(result.Error, input);
            return JsonDocument.Parse(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(result.ParseTree).ToArray());
        }
        finally
        {
            PgQueryNative.FreeParseResult(result);
        }
    }

    /// <summary>
    /// PL/pgSQL functions as the server's PL/pgSQL compiler reads them (libpg_query's JSON of their
    /// statements: <c>PLpgSQL_stmt_execsql</c> with its query text, <c>PLpgSQL_stmt_dynexecute</c>…).
    /// The input is CREATE FUNCTION statements in LANGUAGE plpgsql.
    /// </summary>
    /// <exception cref="SqlParseException">A syntax error in the function or its body.</exception>
    public static JsonDocument ParsePlpgsql(string sql)
    {
        PgQueryNative.Require();
        var input = new Utf8Text(sql);
        PgQueryPlpgsqlParseResult result;
        fixed (byte* bytes = input.Bytes)
        {
            result = PgQueryNative.ParsePlpgsql(bytes);
        }

        try
        {
            ThrowIfFailed(result.Error, input);
            return JsonDocument.Parse(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(result.PlpgsqlFuncs).ToArray());
        }
        finally
        {
            PgQueryNative.FreePlpgsqlParseResult(result);
        }
    }

    /// <summary>
    /// The statements as the server's grammar divides them (libpg_query's split with the parser),
    /// each without its semicolon, comments before it left out.
    /// </summary>
    /// <exception cref="SqlParseException">A syntax error anywhere in the text.</exception>
    public static IReadOnlyList<SqlStatementSpan> Split(string sql)
    {
        PgQueryNative.Require();
        var input = new Utf8Text(sql);
        PgQuerySplitResult result;
        fixed (byte* bytes = input.Bytes)
        {
            result = PgQueryNative.SplitWithParser(bytes);
        }

        try
        {
            ThrowIfFailed(result.Error, input);
            var statements = new List<SqlStatementSpan>(result.NStmts);
            for (var i = 0; i < result.NStmts; i++)
            {
                var statement = result.Stmts[i];
                var start = input.CharOffset(statement->StmtLocation);
                var end = input.CharOffset(statement->StmtLocation + statement->StmtLen);
                statements.Add(new SqlStatementSpan(sql[start..end], start, end - start));
            }

            return statements;
        }
        finally
        {
            PgQueryNative.FreeSplitResult(result);
        }
    }

    /// <summary>The text with its constants replaced by <c>$1</c>, <c>$2</c>, … as pg_stat_statements shows it.</summary>
    /// <exception cref="SqlParseException">A syntax error.</exception>
    public static string Normalize(string sql)
    {
        PgQueryNative.Require();
        var input = new Utf8Text(sql);
        PgQueryNormalizeResult result;
        fixed (byte* bytes = input.Bytes)
        {
            result = PgQueryNative.Normalize(bytes);
        }

        try
        {
            ThrowIfFailed(result.Error, input);
            return Marshal.PtrToStringUTF8((nint)result.NormalizedQuery) ?? "";
        }
        finally
        {
            PgQueryNative.FreeNormalizeResult(result);
        }
    }

    /// <summary>
    /// libpg_query's fingerprint as 16 hex digits: equal for statements that differ only in
    /// constants, whitespace, comments and the like.
    /// </summary>
    /// <exception cref="SqlParseException">A syntax error.</exception>
    public static string Fingerprint(string sql)
    {
        PgQueryNative.Require();
        var input = new Utf8Text(sql);
        PgQueryFingerprintResult result;
        fixed (byte* bytes = input.Bytes)
        {
            result = PgQueryNative.Fingerprint(bytes);
        }

        try
        {
            ThrowIfFailed(result.Error, input);
            return Marshal.PtrToStringUTF8((nint)result.FingerprintStr) ?? "";
        }
        finally
        {
            PgQueryNative.FreeFingerprintResult(result);
        }
    }

    /// <summary>Every token of the server's lexer, comments included, in order.</summary>
    /// <exception cref="SqlParseException">The lexer rejected the text (an unterminated quote or comment, junk after a number…).</exception>
    public static IReadOnlyList<SqlScanToken> Scan(string sql)
    {
        PgQueryNative.Require();
        var input = new Utf8Text(sql);
        PgQueryScanResult result;
        fixed (byte* bytes = input.Bytes)
        {
            result = PgQueryNative.Scan(bytes);
        }

        try
        {
            ThrowIfFailed(result.Error, input);
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
        }
        finally
        {
            PgQueryNative.FreeScanResult(result);
        }
    }

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

    private static void ThrowIfFailed(PgQueryError* error, Utf8Text input)
    {
        if (error != null)
        {
            throw Failure(error, input, 0);
        }
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
