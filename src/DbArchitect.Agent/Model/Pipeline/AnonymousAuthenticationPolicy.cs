using System.ClientModel.Primitives;

namespace DbArchitect.Agent.Model.Pipeline;

/// <summary>
/// For servers that want no key (local Ollama, many OpenAI-compatible servers): sends no
/// Authorization header at all rather than a made-up key.
/// </summary>
internal sealed class AnonymousAuthenticationPolicy : AuthenticationPolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNext(message, pipeline, currentIndex);

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNextAsync(message, pipeline, currentIndex);
}
