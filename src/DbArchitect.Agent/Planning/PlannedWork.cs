using DbArchitect.Core.Todo;

namespace DbArchitect.Agent.Planning;

/// <summary>The architect's output before context and checklist are attached.</summary>
public sealed record PlannedWork(IReadOnlyList<PlanEntry> Plan, IReadOnlyList<TodoItem> Items, IReadOnlyList<string> PainPoints);
