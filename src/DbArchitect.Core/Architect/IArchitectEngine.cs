using DbArchitect.Core.Redaction;
using DbArchitect.Core.Validation;

namespace DbArchitect.Core.Architect;

/// <summary>
/// What the model architect needs from the engine of one run, and nothing of the engine's own
/// types: the catalog's size for the brief, what the TODO validator checks the model's document
/// against, and the engine's tools for the model to call.
/// </summary>
public interface IArchitectEngine
{
    /// <summary>The catalog's size in one line, e.g. <c>12 relations, 80 columns, 20 indexes, 30 constraints</c>.</summary>
    string CatalogSummary { get; }

    /// <summary>The known objects, findings and SQL checker the validator holds the model's document to.</summary>
    ValidationContext Validation { get; }

    /// <summary>A fresh set of tools for one conversation: their log and gains start empty.</summary>
    /// <param name="redactLiterals">Mask the workload's literals in every answer.</param>
    /// <param name="secrets">Masked out of every answer; null when the client pipeline does it.</param>
    IArchitectToolbox OpenToolbox(bool redactLiterals, SecretRedactor? secrets);
}
