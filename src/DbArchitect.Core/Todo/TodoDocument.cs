namespace DbArchitect.Core.Todo;

/// <summary>
/// The typed form of <c>TODO_database-architect.md</c>, section for section as the role definition
/// lays the file out. Markdown and JSON are both renderings of this model; the JSON Schema in
/// <c>schemas/todo-document.schema.json</c> describes its JSON form.
/// </summary>
public sealed record TodoDocument
{
    public required TodoContext Context { get; init; }
    public IReadOnlyList<PlanEntry> Plan { get; init; } = [];
    public IReadOnlyList<TodoItem> Items { get; init; } = [];
    public IReadOnlyList<CodeChange> CodeChanges { get; init; } = [];
    public IReadOnlyList<CommandLine> Commands { get; init; } = [];
    public IReadOnlyList<QaCheck> QualityChecklist { get; init; } = [];
}
