namespace DbArchitect.Postgres.Migrations;

/// <summary>PostgreSQL's table lock modes as migration findings name them, with what each blocks while held.</summary>
public static class LockModes
{
    public const string AccessExclusive = "ACCESS EXCLUSIVE";
    public const string Share = "SHARE";
    public const string ShareRowExclusive = "SHARE ROW EXCLUSIVE";
    public const string ShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE";

    /// <summary>A mode as pg_locks names it (<c>AccessExclusiveLock</c>) in the documentation's words (<c>ACCESS EXCLUSIVE</c>).</summary>
    public static string FromPgLocks(string mode) => mode switch
    {
        "AccessExclusiveLock" => AccessExclusive,
        "ShareLock" => Share,
        "ShareRowExclusiveLock" => ShareRowExclusive,
        "ExclusiveLock" => "EXCLUSIVE",
        _ => mode,
    };

    /// <summary>Whether a mode as pg_locks names it makes writers of the relation wait.</summary>
    public static bool BlocksWrites(string pgLocksMode) => pgLocksMode is "ShareLock" or "ShareRowExclusiveLock" or "ExclusiveLock" or "AccessExclusiveLock";

    public static string Blocks(string mode) => mode switch
    {
        AccessExclusive => "every read and write of the table, SELECT included",
        Share or ShareRowExclusive => "every write (INSERT, UPDATE, DELETE) of the table; reads go on",
        ShareUpdateExclusive => "other schema changes and VACUUM; reads and writes go on",
        _ => "nothing an application does",
    };
}
