using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>A migration written as code: its up and down methods read with <see cref="RawSqlCalls"/>, its version and name from its file name unless the code states them.</summary>
internal static partial class CodeMigration
{
    /// <summary>One method of the migration: its body in the file and the pattern of its calls (see <see cref="RawSqlCalls.Script"/>).</summary>
    public sealed record Method(int Start, int End, Regex Call);

    public static Migration Of(string path, MigrationConvention convention, CodeSource source, Method up, Method? down, bool runsInTransaction, string? version = null, bool hasDownConvention = true)
    {
        var unread = new List<NotAnalysed>();
        var unreadInDown = new List<NotAnalysed>();
        var upScript = RawSqlCalls.Script(source, path, (up.Start, up.End), up.Call, unread);
        var downScript = down is null ? null : RawSqlCalls.Script(source, path, (down.Start, down.End), down.Call, unreadInDown);
        var file = Path.GetFileNameWithoutExtension(path);
        var leading = LeadingDigits().Match(file);
        return new Migration
        {
            Version = version ?? leading.Value,
            Name = file[leading.Length..].TrimStart('-', '_'),
            Convention = convention,
            Up = upScript,
            Down = downScript,
            HasDownConvention = hasDownConvention,
            RunsInTransaction = runsInTransaction,
            Unread = [.. unread, .. unreadInDown],
            UnreadInDown = unreadInDown,
        };
    }

    /// <summary>
    /// A JavaScript or TypeScript migration module or class: its <c>up</c> and <c>down</c> functions, each read
    /// with <see cref="ReceiverCalls(IReadOnlyCollection{string}, string)"/> on the object it is given (named by its first parameter, else
    /// <paramref name="receiver"/>); null when the module has no <c>up</c>.
    /// </summary>
    public static Migration? OfJavaScript(string path, string text, MigrationConvention convention, string receiver, string sqlMember, bool runsInTransaction, string? version = null)
    {
        var source = new JavaScriptSource(text);
        if (source.FunctionBody("up") is not { } up)
        {
            return null;
        }

        // Inside knex.transaction(async (trx) => …) the SQL goes through the callback's own parameter.
        Method Read((int Start, int End, string? Parameter) body)
        {
            var receivers = TransactionParameter().Matches(text, body.Start).TakeWhile(m => m.Index < body.End).Select(m => m.Groups["name"].Value);
            return new(body.Start, body.End, ReceiverCalls([body.Parameter ?? receiver, .. receivers], sqlMember));
        }

        return Of(path, convention, source, Read(up), source.FunctionBody("down") is { } down ? Read(down) : null, runsInTransaction, version);
    }

    /// <summary>
    /// The calls on the object a migration method is given (<c>queryRunner</c>, <c>knex</c>, <c>queryInterface</c>,
    /// <c>migrationBuilder</c>): <paramref name="sqlMember"/> (a pattern: <c>query</c>, <c>(?:schema\s*\.\s*)?raw</c>)
    /// is its raw-SQL entry point, any other call on it or its members a builder call; a <c>transaction</c>
    /// wrapper is neither, so the calls inside it are read.
    /// </summary>
    public static Regex ReceiverCalls(string receiver, string sqlMember) => ReceiverCalls([receiver], sqlMember);

    /// <summary>As <see cref="ReceiverCalls(string, string)"/>, on any of several names for the object (the method's parameter and its transaction's).</summary>
    public static Regex ReceiverCalls(IReadOnlyCollection<string> receivers, string sqlMember)
    {
        var name = "(?:" + string.Join('|', receivers.Distinct(StringComparer.Ordinal).Select(Regex.Escape)) + ")";
        return new Regex($@"\G(?<![\w$.])(?:(?<sql>{name}\s*\.\s*{sqlMember})|(?<builder>{name}(?:\s*\.\s*(?!transaction\b)\w+)*))\s*\(", RegexOptions.CultureInvariant);
    }

    /// <summary>The digits a file name starts with: the version of Knex, Sequelize, TypeORM and EF Core migrations (<c>20240105120000_add_users</c>).</summary>
    public static string LeadingVersion(string path) => LeadingDigits().Match(Path.GetFileNameWithoutExtension(path)).Value;

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingDigits();

    // .transaction(async (trx) => …), .transaction(trx => …), .transaction(function (trx) { … })
    [GeneratedRegex(@"\.\s*transaction\s*\(\s*(?:async\s*)?(?:function\s*\w*\s*)?\(?\s*(?<name>[A-Za-z_$][\w$]*)")]
    private static partial Regex TransactionParameter();
}
