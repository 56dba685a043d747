using System.CommandLine;
using DbArchitect.Agent.Chat;
using DbArchitect.Agent.Configuration;
using DbArchitect.Agent.Model.Prompts;
using DbArchitect.Agent.Model;
using DbArchitect.Agent.Targets;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Redaction;
using Microsoft.Extensions.Logging.Abstractions;

namespace DbArchitect.Cli.Chat;

/// <summary><c>dbarch chat</c>: a console session over the target, with or without a model.</summary>
internal static class ChatCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var connection = new Option<string?>("--connection", "-c") { Description = "Target connection string (read-only session). Also Database:ConnectionString." };
        var demo = new Option<bool>("--demo") { Description = "Chat about the shipped shop database on a scratch server." };
        var model = new Option<string?>("--model") { Description = $"Model provider: {ModelProviderNames.Choices}. Default none: slash commands only." };
        var endpoint = new Option<string?>("--model-endpoint") { Description = "Endpoint URL (openai-compatible, azure-openai, ollama)." };
        var name = new Option<string?>("--model-name") { Description = "Model or deployment name." };

        var command = new Command("chat", "A console session: slash commands answered by the tools, questions by the model when one is configured.")
        {
            connection, demo, model, endpoint, name,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = Settings.Load();
            if (TargetChoice.Read(parse, connection, demo, configuration) is not { } choice)
            {
                return await Cli.Fail(error, ExitCodes.Usage, TargetChoice.Conflict).ConfigureAwait(false);
            }

            try
            {
                var options = ModelOptionsReader.Read(new ModelArguments(parse.GetValue(model), parse.GetValue(endpoint), parse.GetValue(name)), configuration);
                await using var target = await TargetDatabase.OpenAsync(choice.ConnectionString, choice.Demo, new ImmediateProgress(error), cancellationToken).ConfigureAwait(false);
                await using var lookups = ChatTools.Open(target);
                var secrets = new SecretRedactor();
                secrets.AddConnectionString(target.ConnectionString);
                using var connectionToModel = new ChatClientFactory(NullLoggerFactory.Instance).Create(options, secrets);
                var prompt = connectionToModel is null ? null : (await PromptLibrary.LoadAsync(configuration[PromptLibrary.DirectorySetting], cancellationToken).ConfigureAwait(false)).ChatSystem.Text;
                // The model's tools are the plugin every host shares, with its redaction; the slash commands answer people in text.
                await using var modelTools = connectionToModel is null ? null : await target.OpenToolsAsync(new ImmediateProgress(error), cancellationToken).ConfigureAwait(false);
                var session = new ChatSession(lookups, connectionToModel, modelTools?.Functions, prompt, input, output, error, interactive: ReferenceEquals(input, Console.In) && !Console.IsInputRedirected);
                return await session.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
