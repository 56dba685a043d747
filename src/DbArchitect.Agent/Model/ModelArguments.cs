namespace DbArchitect.Agent.Model;

/// <summary>
/// The model options as typed on the command line (<c>--model</c>, <c>--model-endpoint</c>,
/// <c>--model-name</c>); null where not given. The key is deliberately not among them: command
/// lines end up in shell history and process lists.
/// </summary>
public sealed record ModelArguments(string? Provider = null, string? Endpoint = null, string? Name = null);
