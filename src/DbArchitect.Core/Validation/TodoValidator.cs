using System.Text.Json;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Validation.Rules;

namespace DbArchitect.Core.Validation;

/// <summary>
/// Decides whether a TODO document may be written: the JSON Schema first, then the semantic rules
/// (well-formed unique IDs, plan membership, area numbers, SQL with rollback, objects that exist,
/// required findings covered, QA evidence), then the SQL blocks through the server when a checker
/// is configured. Every error is reported, located by task ID where there is one, and worded so
/// that it can be handed back to a model to repair the document.
/// </summary>
public sealed class TodoValidator
{
    public async Task<ValidationResult> ValidateAsync(
        TodoDocument document, ValidationContext context, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        errors.AddRange(SchemaErrors(document));
        errors.AddRange(TodoRules.All.SelectMany(rule => rule.Check(document, context)));

        if (context.SqlChecker is null)
        {
            return new ValidationResult(errors) { Skipped = ["SQL blocks were not checked by a server (no SQL checker configured)"] };
        }

        errors.AddRange(await CheckSqlAsync(document, context.SqlChecker, context.Scripts, cancellationToken).ConfigureAwait(false));
        return new ValidationResult(errors);
    }

    private static IEnumerable<ValidationError> SchemaErrors(TodoDocument document)
    {
        using var json = JsonDocument.Parse(TodoJson.Serialize(document));
        return TodoSchema.Evaluate(json.RootElement)
            .Select(error => new ValidationError(TaskAt(document, error.Location), $"{error.Message} (at {error.Location})"))
            .ToList();
    }

    /// <summary>The ID of the task a JSON pointer such as <c>/items/3/rollback</c> points into, or the pointer itself.</summary>
    private static string TaskAt(TodoDocument document, string pointer)
    {
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !int.TryParse(parts[1], out var index) || index < 0)
        {
            return pointer.Length == 0 ? "document" : pointer;
        }

        var id = parts[0] switch
        {
            "plan" when index < document.Plan.Count => document.Plan[index].Id,
            "items" when index < document.Items.Count => document.Items[index].Id,
            "qualityChecklist" when index < document.QualityChecklist.Count => document.QualityChecklist[index].Id,
            _ => null,
        };
        return string.IsNullOrEmpty(id) ? pointer : id;
    }

    private static async Task<IEnumerable<ValidationError>> CheckSqlAsync(
        TodoDocument document, ISqlChecker checker, ISqlScriptReader scripts, CancellationToken cancellationToken)
    {
        var itemOfBlock = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocks = new List<SqlBlock>();
        // Done items describe work already applied or findings that are gone, so their SQL no longer fits the target.
        foreach (var item in document.Items.Where(item => !item.Done))
        {
            if (ItemSqlBlock.Of(item, scripts) is { } block && itemOfBlock.TryAdd(block.Origin, item.Id))
            {
                blocks.Add(block);
            }
        }

        if (blocks.Count == 0)
        {
            return [];
        }

        var rejected = await checker.CheckAsync(blocks, cancellationToken).ConfigureAwait(false);
        return rejected.Select(error => new ValidationError(
            itemOfBlock.GetValueOrDefault(error.Origin, error.Origin),
            $"{error.Origin} is rejected by the server: {error.Message}"));
    }
}
