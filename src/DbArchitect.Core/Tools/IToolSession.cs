using Microsoft.Extensions.AI;

namespace DbArchitect.Core.Tools;

/// <summary>
/// An engine's tools over one target for a host that hands them to a model or a tool client
/// (chat, the MCP server). Disposing it closes the engine's session; the target stays the host's.
/// </summary>
public interface IToolSession : IAsyncDisposable
{
    IReadOnlyList<AIFunction> Functions { get; }
}
