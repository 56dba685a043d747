using System.Text.Json;
using DbArchitect.Agent.Architect;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Core.Todo;
using Microsoft.Extensions.AI;

namespace DbArchitect.Agent.Tests.Architect;

/// <summary>Runs the model architect on the fixture's input with a scripted model, and reads what went back and forth.</summary>
internal static class ArchitectRuns
{
    public static async Task<ArchitectResult> RunAsync(ArchitectInput input, ScriptedChatClient model, ArchitectOptions? options = null) =>
        await new ModelArchitect(model.WithFunctionInvocation(), await PromptLibrary.LoadAsync(null, CancellationToken.None), options).RunAsync(input, CancellationToken.None);

    /// <summary>The deterministic document with its first item changed: a model's answer that differs in one place.</summary>
    public static TodoDocument WithFirstItem(ArchitectInput input, Func<TodoItem, TodoItem> change) =>
        input.Fallback with { Items = [change(input.Fallback.Items[0]), .. input.Fallback.Items.Skip(1)] };

    public static string ToolResult(IReadOnlyList<ChatMessage> messages, string callId)
    {
        var result = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single(r => r.CallId == callId);
        return result.Result is JsonElement element ? element.GetRawText() : result.Result?.ToString() ?? "";
    }
}
