using System.Runtime.InteropServices;
using DbArchitect.Core.Failures;

namespace DbArchitect.Postgres.Parsing;

/// <summary>
/// The raw libpg_query entry points, bound as pg_query.h declares them; <see cref="PgQuery"/> is
/// the managed face over them. Every input is NUL-terminated UTF-8, and every result must go back
/// to its own pg_query_free_* function.
/// </summary>
/// <remarks>
/// libpg_query keeps its memory contexts in thread-local storage, so concurrent calls from
/// different threads are safe; nothing here adds a lock.
/// </remarks>
internal static unsafe partial class PgQueryNative
{
    private const string Library = "pg_query";

    // Debian's runtime package ships only the versioned file; the unversioned link is in -dev.
    private const string DebianSoname = "libpg_query.so.1504.0";

    private const string Package = "libpg-query1504.0";

    private static readonly nint Handle;

    // The library is loaded once, here, so that a missing one is one clear failure rather than a
    // DllNotFoundException at whichever call comes first. This assembly imports no other library by
    // name, so it may own the assembly's only resolver.
    static PgQueryNative()
    {
        Handle = NativeLibrary.TryLoad(DebianSoname, typeof(PgQueryNative).Assembly, null, out var handle)
            || NativeLibrary.TryLoad(Library, typeof(PgQueryNative).Assembly, null, out handle)
            ? handle
            : 0;
        NativeLibrary.SetDllImportResolver(typeof(PgQueryNative).Assembly, (name, _, _) => name == Library ? Handle : 0);
    }

    /// <exception cref="DbArchitectException">libpg_query is not installed.</exception>
    public static void Require()
    {
        if (Handle == 0)
        {
            throw new DbArchitectException(FailureKind.Usage, $"libpg_query is not installed: install the Debian package {Package}");
        }
    }

    [LibraryImport(Library, EntryPoint = "pg_query_parse")]
    public static partial PgQueryParseResult Parse(byte* input);

    [LibraryImport(Library, EntryPoint = "pg_query_free_parse_result")]
    public static partial void FreeParseResult(PgQueryParseResult result);

    [LibraryImport(Library, EntryPoint = "pg_query_parse_plpgsql")]
    public static partial PgQueryPlpgsqlParseResult ParsePlpgsql(byte* input);

    [LibraryImport(Library, EntryPoint = "pg_query_free_plpgsql_parse_result")]
    public static partial void FreePlpgsqlParseResult(PgQueryPlpgsqlParseResult result);

    [LibraryImport(Library, EntryPoint = "pg_query_scan")]
    public static partial PgQueryScanResult Scan(byte* input);

    [LibraryImport(Library, EntryPoint = "pg_query_free_scan_result")]
    public static partial void FreeScanResult(PgQueryScanResult result);

    [LibraryImport(Library, EntryPoint = "pg_query_split_with_parser")]
    public static partial PgQuerySplitResult SplitWithParser(byte* input);

    [LibraryImport(Library, EntryPoint = "pg_query_free_split_result")]
    public static partial void FreeSplitResult(PgQuerySplitResult result);

    [LibraryImport(Library, EntryPoint = "pg_query_normalize")]
    public static partial PgQueryNormalizeResult Normalize(byte* input);

    [LibraryImport(Library, EntryPoint = "pg_query_free_normalize_result")]
    public static partial void FreeNormalizeResult(PgQueryNormalizeResult result);

    [LibraryImport(Library, EntryPoint = "pg_query_fingerprint")]
    public static partial PgQueryFingerprintResult Fingerprint(byte* input);

    [LibraryImport(Library, EntryPoint = "pg_query_free_fingerprint_result")]
    public static partial void FreeFingerprintResult(PgQueryFingerprintResult result);
}
