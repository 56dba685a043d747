using System.Runtime.InteropServices;

namespace DbArchitect.Postgres.Sql.Parser;

/// <summary>
/// The raw libpg_query entry points, bound as the C header declares them; <see cref="PgQuery"/>
/// is the managed face over them.
/// </summary>
internal static unsafe partial class PgQueryNative
{
    // The runtime package ships only the versioned file; the unversioned link is in -dev.
    public const string Library = "libpg_query.so.1504.0";

    [StructLayout(LayoutKind.Sequential)]
    public struct Error
    {
        public byte* Message;
        public byte* FuncName;
        public byte* FileName;
        public int LineNo;
        public int CursorPos;
        public byte* Context;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ParseResult
    {
        public byte* ParseTree;
        public byte* StderrBuffer;
        public Error* Error;
    }

    [LibraryImport(Library, EntryPoint = "pg_query_parse", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ParseResult Parse(string input);

    [LibraryImport(Library, EntryPoint = "pg_query_free_parse_result")]
    public static partial void FreeParseResult(ParseResult result);
}
