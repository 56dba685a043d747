namespace DbArchitect.Postgres.Migrations;

/// <summary>PostgreSQL's table lock modes as migration findings name them, with what each blocks while held.</summary>
public static class LockModes
{
    public const string AccessExclusive = "ACCESS EXCLUSIVE";
    public const string Share = "SHARE";
    public const string ShareRowExclusive = "SHARE ROW EXCLUSIVE";
    public const string ShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE";

    public static string Blocks(string mode) => mode switch
    {
        AccessExclusive => "every read and write of the table, SELECT included",
        Share or ShareRowExclusive => "every write (INSERT, UPDATE, DELETE) of the table; reads go on",
        ShareUpdateExclusive => "other schema changes and VACUUM; reads and writes go on",
        _ => "nothing an application does",
    };
}
