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
        var functions = new List<FunctionName>();
        var operators = new List<string>();
        Walk(tree.RootElement, functions, operators);
        return new ParseTreeCalls(functions.Distinct().ToList(), operators.Distinct(StringComparer.Ordinal).ToList());
    }

    private static void Walk(JsonElement element, List<FunctionName> functions, List<string> operators)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, functions, operators);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "FuncCall" && Names(property.Value, "funcname") is [.. var qualifiers, var name])
            {
                functions.Add(new FunctionName(qualifiers.LastOrDefault(), name));
            }
            else if (property.Name == "A_Expr" && Names(property.Value, "name") is [.., var symbol])
            {
                operators.Add(symbol);
            }

            Walk(property.Value, functions, operators);
        }
    }

    // A qualified name is a list of String nodes: [{"String":{"sval":"pg_catalog"}}, {"String":{"sval":"now"}}].
    private static string[] Names(JsonElement node, string list) =>
        node.TryGetProperty(list, out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray()
                .Select(n => n.TryGetProperty("String", out var s) && s.TryGetProperty("sval", out var v) ? v.GetString() : null)
                .OfType<string>()
                .ToArray()
            : [];
}
