using System.Runtime.InteropServices;

namespace DbArchitect.Postgres.Parsing;

// The result structs of pg_query.h (libpg_query 15-4), field for field, so that they can be
// returned and passed back to the pg_query_free_* functions by value.

/// <summary>What every result of pg_query.h carries: the error, null when the call succeeded.</summary>
internal unsafe interface IPgQueryResult
{
    PgQueryError* Error { get; }
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryError
{
    public byte* Message;
    public byte* FuncName;
    public byte* FileName;
    public int LineNo;

    /// <summary>1-based character (not byte) position in the input; 0 when the error has none.</summary>
    public int CursorPos;
    public byte* Context;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryProtobuf
{
    public nuint Len;
    public byte* Data;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryScanResult : IPgQueryResult
{
    public PgQueryProtobuf Pbuf;
    public byte* StderrBuffer;
    public PgQueryError* Error;

    readonly PgQueryError* IPgQueryResult.Error => Error;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryPlpgsqlParseResult : IPgQueryResult
{
    public byte* PlpgsqlFuncs;
    public PgQueryError* Error;

    readonly PgQueryError* IPgQueryResult.Error => Error;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryParseResult : IPgQueryResult
{
    public byte* ParseTree;
    public byte* StderrBuffer;
    public PgQueryError* Error;

    readonly PgQueryError* IPgQueryResult.Error => Error;
}

[StructLayout(LayoutKind.Sequential)]
internal struct PgQuerySplitStmt
{
    /// <summary>Byte offset into the UTF-8 input.</summary>
    public int StmtLocation;

    /// <summary>Length in bytes.</summary>
    public int StmtLen;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQuerySplitResult : IPgQueryResult
{
    public PgQuerySplitStmt** Stmts;
    public int NStmts;
    public byte* StderrBuffer;
    public PgQueryError* Error;

    readonly PgQueryError* IPgQueryResult.Error => Error;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryFingerprintResult : IPgQueryResult
{
    public ulong Fingerprint;
    public byte* FingerprintStr;
    public byte* StderrBuffer;
    public PgQueryError* Error;

    readonly PgQueryError* IPgQueryResult.Error => Error;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryNormalizeResult : IPgQueryResult
{
    public byte* NormalizedQuery;
    public PgQueryError* Error;

    readonly PgQueryError* IPgQueryResult.Error => Error;
}
