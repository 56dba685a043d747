using System.Text;
using DbArchitect.Agent.Chat;
using DbArchitect.Agent.Model;
using DbArchitect.Agent.Targets;
using DbArchitect.Core.Failures;
using Microsoft.Extensions.AI;

namespace DbArchitect.Cli.Chat;

/// <summary>
/// A read-eval-print loop over the target. Slash commands are answered by the tools alone; other
/// lines go to the model when one is configured, with the session's history and the shared tool
/// plugin's functions (<paramref name="modelTools"/>), and its answer is streamed as it arrives.
/// Ctrl+C cancels the answer, not the session.
/// </summary>
internal sealed class ChatSession(ChatTools tools, ModelConnection? model, IReadOnlyList<AIFunction>? modelTools, string? systemPrompt, TextReader input, TextWriter output, TextWriter error, bool interactive)
{
    private const string Help = """
        /help              this list
        /tables            the largest tables, with rows and size
        /explain <sql>     the plan of a statement (planned, never run) and what is wrong with it
        /advise [<sql>]    index recommendations for the statement, or for pg_stat_statements' top entries
        /findings          the rules' findings, most severe first
        /todo [<dir>]      write TODO_database-architect.md (validated) into <dir>, default the current directory
        /quit              end the session
        """;

    private readonly List<ChatMessage> _history = systemPrompt is null ? [] : [new ChatMessage(ChatRole.System, systemPrompt)];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(model is null
            ? "dbarch chat: no model (--model none); slash commands answer from the tools. /help lists them."
            : $"dbarch chat: {model.Description}; /help lists the slash commands.").ConfigureAwait(false);
        while (true)
        {
            if (interactive)
            {
                await output.WriteAsync("dbarch> ").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return ExitCodes.Ok;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line is "/quit" or "/exit")
            {
                return ExitCodes.Ok;
            }

            await TurnAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TurnAsync(string line, CancellationToken cancellationToken)
    {
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var route = Interrupts.Route(turn.Cancel);
        try
        {
            if (line.StartsWith('/'))
            {
                await output.WriteAsync(await SlashAsync(line, turn.Token).ConfigureAwait(false)).ConfigureAwait(false);
            }
            else
            {
                await AskAsync(line, turn.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync("(cancelled)").ConfigureAwait(false);
        }
        catch (Exception e) when (TargetFailures.EndsOnlyTheRequest(e))
        {
            await error.WriteLineAsync($"dbarch: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
        }
    }

    private async Task<string> SlashAsync(string line, CancellationToken cancellationToken)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var (command, argument) = space < 0 ? (line, "") : (line[..space], line[(space + 1)..].Trim());
        return command switch
        {
            "/help" => Help + "\n",
            "/tables" => await tools.TablesAsync(cancellationToken).ConfigureAwait(false),
            "/explain" when argument.Length > 0 => await tools.ExplainAsync(argument, cancellationToken).ConfigureAwait(false),
            "/explain" => "usage: /explain <sql>\n",
            "/advise" => await tools.AdviseAsync(argument.Length > 0 ? [argument] : [], cancellationToken).ConfigureAwait(false),
            "/findings" => await tools.FindingsAsync(cancellationToken).ConfigureAwait(false),
            "/todo" => await tools.TodoAsync(argument.Length > 0 ? Path.GetFullPath(argument) : Directory.GetCurrentDirectory(), new ImmediateProgress(error), cancellationToken).ConfigureAwait(false),
            _ => $"unknown command {command}; /help lists them\n",
        };
    }

    private async Task AskAsync(string line, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            await output.WriteLineAsync("no model is configured (--model none): use the slash commands; /help lists them.").ConfigureAwait(false);
            return;
        }

        _history.Add(new ChatMessage(ChatRole.User, line));
        var answer = new StringBuilder();
        var options = new ChatOptions { Tools = [.. modelTools ?? []] };
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in model.Client.GetStreamingResponseAsync(_history, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            foreach (var call in update.Contents.OfType<FunctionCallContent>())
            {
                await error.WriteLineAsync($"[tool] {call.Name}").ConfigureAwait(false);
            }

            if (update.Text.Length > 0)
            {
                answer.Append(update.Text);
                await output.WriteAsync(update.Text).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        _history.AddMessages(updates);
    }
}
