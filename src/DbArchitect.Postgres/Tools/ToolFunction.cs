using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace DbArchitect.Postgres.Tools;

/// <summary>
/// A plugin function as a model sees it: under its own name (<c>list_tables</c>), not the
/// Kernel's plugin-qualified one, so that prompts, the MCP tool list and chat all use one name.
/// </summary>
public sealed class ToolFunction(KernelFunction function) : DelegatingAIFunction(function)
{
    public override string Name => function.Name;

    // A caller's service provider (the function-invoking chat client passes its own) is not a
    // Kernel's: Semantic Kernel would try to build one from it. The tools need no services.
    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
        base.InvokeCoreAsync(new AIFunctionArguments(arguments) { Context = arguments.Context }, cancellationToken);
}
