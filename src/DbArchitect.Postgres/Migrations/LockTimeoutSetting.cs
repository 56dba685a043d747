using System.Globalization;
using System.Text.Json;
using DbArchitect.Postgres.Parsing;

namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// What a statement does to the session's <c>lock_timeout</c>: <c>SET</c> or <c>set_config</c> to a
/// limit puts one in place; a zero, <c>DEFAULT</c>, <c>RESET</c> or <c>RESET ALL</c> takes it away
/// (the server's default is no limit, and a migration cannot count on another one).
/// </summary>
internal static class LockTimeoutSetting
{
    private const string Setting = "lock_timeout";

    /// <returns>True when the statement sets a limit, false when it removes one, null when it leaves lock_timeout alone.</returns>
    public static bool? Of(MigrationStatement statement) => statement.Type switch
    {
        "VariableSetStmt" => Variable(statement.Node),
        "SelectStmt" => SetConfig(statement.Node),
        _ => null,
    };

    private static bool? Variable(JsonElement set) => MigrationStatement.StringOf(set, "kind") switch
    {
        "VAR_RESET_ALL" => false,
        _ when MigrationStatement.StringOf(set, "name") != Setting => null,
        "VAR_SET_VALUE" => set.TryGetProperty("args", out var args) && args.GetArrayLength() == 1 && Limits(args[0]),
        _ => false,
    };

    private static bool? SetConfig(JsonElement select)
    {
        foreach (var call in ParseTreeNodes.OfType(select, "FuncCall"))
        {
            if (ParseTreeCalls.Function(call) is { Name: "set_config" } && call.TryGetProperty("args", out var args) && args.GetArrayLength() >= 2
                && Text(args[0]) == Setting)
            {
                return Limits(args[1]);
            }
        }

        return null;
    }

    /// <summary>Whether a value sets a limit: a constant other than zero (<c>'5s'</c>, <c>500</c>), or anything computed, which is taken to be one.</summary>
    private static bool Limits(JsonElement value)
    {
        if (!value.TryGetProperty("A_Const", out var constant))
        {
            return true;
        }

        if (constant.TryGetProperty("ival", out var integer))
        {
            return integer.TryGetProperty("ival", out var number) && number.GetInt64() != 0;
        }

        var text = Text(value) ?? "";
        var digits = text.TrimStart().TakeWhile(char.IsAsciiDigit).ToArray();
        return digits.Length == 0 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount != 0;
    }

    private static string? Text(JsonElement value) =>
        value.TryGetProperty("A_Const", out var constant) && constant.TryGetProperty("sval", out var text) ? text.GetProperty("sval").GetString() : null;
}
