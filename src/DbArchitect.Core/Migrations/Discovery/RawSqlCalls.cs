using System.Text;
using System.Text.RegularExpressions;

namespace DbArchitect.Core.Migrations.Discovery;

/// <summary>
/// The SQL of an ORM migration's method: the literal argument of each call to the ORM's raw-SQL
/// entry point (<c>queryRunner.query</c>, <c>knex.raw</c>, <c>op.execute</c>, <c>migrationBuilder.Sql</c>…),
/// each statement kept on its line of the file so findings point at it. A builder call, or SQL that
/// is no literal text (a template with <c>${…}</c>, an f-string, a variable), is listed as not analysed
/// with its line.
/// </summary>
internal static class RawSqlCalls
{
    /// <summary>
    /// Reads <paramref name="body"/> with <paramref name="call"/>, a pattern anchored with <c>\G</c> and ending
    /// at the call's opening parenthesis (or an unwrapping one, as in <c>op.execute(sa.text(</c>): a match
    /// with the group <c>sql</c> is the raw-SQL entry point, any other names a builder call by its <c>builder</c> group, or a script read from a file by its <c>file</c> group.
    /// </summary>
    public static MigrationScript Script(CodeSource source, string path, (int Start, int End) body, Regex call, List<NotAnalysed> unread)
    {
        var sql = new StringBuilder();
        var line = 1;
        var text = source.Text;
        var next = body.Start;
        foreach (var i in source.CodeOffsets(body.Start, body.End))
        {
            if (i < next || call.Match(text, i) is not { Success: true } found || found.Index != i)
            {
                continue;
            }

            var at = source.LineOf(i);
            var argument = source.SkipSpace(found.Index + found.Length);
            var argumentSql = found.Groups["sql"].Success ? source.Argument(argument) : null;
            if (argumentSql is null)
            {
                unread.Add(new NotAnalysed(path, at, found.Groups["file"].Success
                    ? $"{Compact(found.Groups["file"].Value)}(…): SQL in a script file, not read"
                    : $"{Compact(found.Groups["builder"].Value)}(…): a builder call, not SQL text"));
            }
            else if (argumentSql.Sql is { } value)
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
                unread.Add(new NotAnalysed(path, at, argumentSql.Unread ?? "SQL built by code"));
            }

            // On after the call's closing parenthesis: its arguments hold nothing more to read.
            next = source.Matching(found.Index + found.Length - 1) + 1;
        }

        return new MigrationScript(path, 1, sql.ToString());
    }

    private static string Compact(string call) => string.Concat(call.Where(c => !char.IsWhiteSpace(c)));
}
