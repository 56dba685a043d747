using System.Text.Json;
using Json.Schema;

namespace DbArchitect.Core.Validation;

/// <summary>
/// The published JSON Schema of the TODO document (<c>schemas/todo-document.schema.json</c>,
/// embedded in this assembly) and its evaluation. Errors are located by JSON pointer.
/// </summary>
public static class TodoSchema
{
    private const string ResourceName = "DbArchitect.Core.Todo.todo-document.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema's text exactly as published.</summary>
    public static string Text { get; } = ReadResource();

    public static IReadOnlyList<ValidationError> Evaluate(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            return [new ValidationError("", $"not JSON: {exception.Message}")];
        }

        using (document)
        {
            return Evaluate(document.RootElement);
        }
    }

    public static IReadOnlyList<ValidationError> Evaluate(JsonElement json)
    {
        var results = Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new[] { results }.Concat(results.Details ?? [])
            .Where(node => node.Errors is { Count: > 0 })
            .SelectMany(node => node.Errors!
                .Select(error => new ValidationError(node.InstanceLocation.ToString(), $"{error.Key}: {error.Value}")))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : [new ValidationError("", "the document does not match the TODO schema")];
    }

    private static JsonSchema Load() =>
        JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static string ReadResource()
    {
        using var stream = typeof(TodoSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
