using System.Text;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// TypeORM migration classes: the SQL of every <c>queryRunner.query(…)</c> in <c>up</c> and in
/// <c>down</c>, each statement kept on its line of the file so findings point at it. What is not
/// SQL text (a builder call such as <c>queryRunner.createTable</c>, a template literal with
/// <c>${…}</c>, SQL held in a variable) is listed as not analysed, with its line.
/// </summary>
internal static partial class TypeOrmMigrations
{
    public static bool Looks(string text) => text.Contains("MigrationInterface", StringComparison.Ordinal) && text.Contains("queryRunner", StringComparison.Ordinal);

    public static Migration? Read(string path, string text)
    {
        var source = new JavaScriptSource(text);
        if (source.MethodBody("up") is not { } up)
        {
            return null;
        }

        var unread = new List<NotAnalysed>();
        var down = source.MethodBody("down") is { } body ? Script(source, path, body, unread) : null;
        var file = Path.GetFileNameWithoutExtension(path);
        var version = LeadingDigits().Match(file) is { Success: true } leading ? leading.Value : ClassTimestamp().Match(text).Groups["version"].Value;
        return new Migration
        {
            Version = version,
            Name = LeadingDigits().Replace(file, "").TrimStart('-', '_'),
            Convention = MigrationConvention.TypeOrm,
            Up = Script(source, path, up, unread),
            Down = down,
            HasDownConvention = true,
            RunsInTransaction = !TransactionOff().IsMatch(text),
            Unread = unread,
        };
    }

    private static MigrationScript Script(JavaScriptSource source, string path, (int Start, int End) body, List<NotAnalysed> unread)
    {
        var sql = new StringBuilder();
        var line = 1;
        var text = source.Text;
        for (var i = body.Start; i < body.End; i++)
        {
            var skipped = source.Skip(i);
            if (skipped != i)
            {
                i = skipped - 1;
                continue;
            }

            if (Call().Match(text, i) is not { Success: true } call || call.Index != i)
            {
                continue;
            }

            var at = source.LineOf(i);
            var member = call.Groups["member"].Value;
            var argument = call.Index + call.Length;
            while (argument < body.End && char.IsWhiteSpace(text[argument]))
            {
                argument++;
            }

            if (member != "query")
            {
                unread.Add(new NotAnalysed(path, at, $"queryRunner.{member}(…): a builder call, not SQL text"));
            }
            else if (argument < body.End && text[argument] is '\'' or '"' or '`' && source.LiteralValue(argument, source.Skip(argument)) is { } value)
            {
                for (var target = source.LineOf(argument); line < target; line++)
                {
                    sql.Append('\n');
                }

                sql.Append(value).Append(";\n");
                line += value.Count(c => c == '\n') + 1;
            }
            else
            {
                unread.Add(new NotAnalysed(path, at, text[argument] == '`' ? "a template literal with ${…}: SQL built when the migration runs" : "SQL held in a variable or built by code"));
            }

            // On after the call's closing parenthesis: its arguments hold nothing more to read.
            i = source.Matching(call.Index + call.Length - 1);
        }

        return new MigrationScript(path, 1, sql.ToString());
    }

    [GeneratedRegex(@"\G(?<![\w$.])queryRunner\s*\.\s*(?<member>\w+)\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingDigits();

    [GeneratedRegex(@"class\s+\w*?(?<version>\d{10,})\b")]
    private static partial Regex ClassTimestamp();

    [GeneratedRegex(@"\btransaction\s*=\s*false\b")]
    private static partial Regex TransactionOff();
}
