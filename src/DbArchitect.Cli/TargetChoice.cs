using System.CommandLine;
using DbArchitect.Agent.Targets;
using Microsoft.Extensions.Configuration;

namespace DbArchitect.Cli;

/// <summary>Which database a command works on: a connection string (option or configuration) or the demo, exactly one.</summary>
internal sealed record TargetChoice(string? ConnectionString, bool Demo)
{
    public const string Conflict = "give exactly one of --connection and --demo";

    /// <summary>Null when neither or both were given. A <c>postgresql://</c> URI is turned into key/value form.</summary>
    public static TargetChoice? Read(ParseResult parse, Option<string?> connection, Option<bool> demo, IConfiguration configuration)
    {
        var connectionString = parse.GetValue(connection) ?? configuration["Database:ConnectionString"];
        var isDemo = parse.GetValue(demo);
        return isDemo == !string.IsNullOrWhiteSpace(connectionString) ? null : new TargetChoice(isDemo ? null : TargetDatabase.KeyValueConnectionString(connectionString!), isDemo);
    }
}
