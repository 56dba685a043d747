using System.Text.Json;

namespace DbArchitect.Postgres.Parsing;

/// <summary>
/// The functions and operators a statement names, read from the server's parse tree: every
/// <c>FuncCall</c> (its <c>funcname</c> list) and every <c>A_Expr</c> operator, wherever they nest.
/// </summary>
public sealed record ParseTreeCalls(IReadOnlyList<FunctionName> Functions, IReadOnlyList<string> Operators)
{
    /// <exception cref="SqlParseException">The text does not parse.</exception>
    public static ParseTreeCalls Read(string sql)
    {
        using var tree = PgQuery.Parse(sql);
        var functions = ParseTreeNodes.OfType(tree.RootElement, "FuncCall").Select(Function).OfType<FunctionName>();
        var operators = ParseTreeNodes.OfType(tree.RootElement, "A_Expr")
            .Select(expression => Names(expression, "name") is [.., var symbol] ? symbol : null)
            .OfType<string>();
        return new ParseTreeCalls(functions.Distinct().ToList(), operators.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The function a <c>FuncCall</c> node names, by the last two parts of its name.</summary>
    public static FunctionName? Function(JsonElement call) =>
        Names(call, "funcname") is [.. var qualifiers, var name] ? new FunctionName(qualifiers.LastOrDefault(), name) : null;

    // A qualified name is a list of String nodes: [{"String":{"sval":"pg_catalog"}}, {"String":{"sval":"now"}}].
    private static string[] Names(JsonElement node, string list) =>
        node.TryGetProperty(list, out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray()
                .Select(n => n.TryGetProperty("String", out var s) && s.TryGetProperty("sval", out var v) ? v.GetString() : null)
                .OfType<string>()
                .ToArray()
            : [];
}
