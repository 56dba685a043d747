using DbArchitect.Core.Todo;
using DbArchitect.Core.Todo.Markdown;

namespace DbArchitect.Cli.Tests;

/// <summary>A valid TODO left by an earlier run, to prove failed runs leave it alone.</summary>
internal static class ExistingTodo
{
    public static string Markdown { get; } = TodoMarkdownRenderer.Render(new TodoDocument
    {
        Context = new TodoContext { Engine = "PostgreSQL", EngineVersion = "15", Source = "earlier run", Generator = "deterministic planner (no model)" },
    });
}
