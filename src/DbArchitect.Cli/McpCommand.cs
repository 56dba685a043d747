using System.CommandLine;
using System.Reflection;
using DbArchitect.Agent.Configuration;
using DbArchitect.Agent.Targets;
using DbArchitect.Core.Failures;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DbArchitect.Cli;

/// <summary>
/// <c>dbarch mcp</c>: the deterministic tools as a Model Context Protocol server over stdio, for
/// Claude Desktop, VS Code and other MCP clients. The same plugin the model architect and chat use
/// answers, with the same redaction and bounds. Standard output carries the protocol only; progress
/// and failures go to standard error.
/// </summary>
internal static class McpCommand
{
    public static Command Create(TextWriter error)
    {
        var connection = new Option<string?>("--connection", "-c") { Description = "Target connection string (read-only session). Also Database:ConnectionString." };
        var demo = new Option<bool>("--demo") { Description = "Serve the tools over the shipped shop database on a scratch server." };
        var command = new Command("mcp", "Serve the read-only tools (list_tables, describe_table, list_findings, explain, cost_index, check_rewrite, advise_indexes) to an MCP client over stdio.")
        {
            connection, demo,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (TargetChoice.Read(parse, connection, demo, Settings.Load()) is not { } choice)
            {
                return await Cli.Fail(error, ExitCodes.Usage, TargetChoice.Conflict).ConfigureAwait(false);
            }

            try
            {
                var progress = new ImmediateProgress(error);
                await using var target = await TargetDatabase.OpenAsync(choice.ConnectionString, choice.Demo, progress, cancellationToken).ConfigureAwait(false);
                await using var session = await target.OpenToolsAsync(progress, cancellationToken).ConfigureAwait(false);
                var options = new McpServerOptions
                {
                    ServerInfo = new Implementation { Name = "dbarch", Version = Version() },
                    ServerInstructions = $"Read-only tools over the PostgreSQL database {target.Source}: nothing they do changes it.",
                    ToolCollection = [],
                };
                foreach (var function in session.Functions)
                {
                    options.ToolCollection.Add(McpServerTool.Create(function));
                }

                await error.WriteLineAsync($"dbarch mcp: serving {options.ToolCollection.Count} tools over {target.Source} on stdio").ConfigureAwait(false);
                await using var server = McpServer.Create(new StdioServerTransport("dbarch"), options);
                await server.RunAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (DbArchitectException e)
            {
                return await Cli.Fail(error, e.ExitCode, e.Message).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static string Version() =>
        typeof(McpCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
}
