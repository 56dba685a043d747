using System.CommandLine;
using DbArchitect.Agent.Targets;
using Microsoft.Extensions.Configuration;

namespace DbArchitect.Cli;

/// <summary>Which database a command works on: a connection string (option or configuration) or the demo, exactly one.</summary>
internal sealed record TargetChoice(string? ConnectionString, bool Demo)
{
    public const string Conflict = "give exactly one of --connection and --demo";

    /// <summary>What analyze says when it has no target: a repository alone is one too.</summary>
    public const string AnalysisConflict = "give exactly one of --connection and --demo, or --repo alone to analyse the schema its migrations build";

    /// <summary>For analyze: as <see cref="Read"/>, and with neither but a repository, its migrations' schema (no connection string, no demo).</summary>
    public static TargetChoice? ReadForAnalysis(ParseResult parse, Option<string?> connection, Option<bool> demo, IConfiguration configuration, bool repositoryGiven)
    {
        var connectionString = parse.GetValue(connection) ?? configuration["Database:ConnectionString"];
        return repositoryGiven && !parse.GetValue(demo) && string.IsNullOrWhiteSpace(connectionString)
            ? new TargetChoice(null, false)
            : Read(parse, connection, demo, configuration);
    }

    /// <summary>Null when neither or both were given. A <c>postgresql://</c> URI is turned into key/value form.</summary>
    public static TargetChoice? Read(ParseResult parse, Option<string?> connection, Option<bool> demo, IConfiguration configuration)
    {
        var connectionString = parse.GetValue(connection) ?? configuration["Database:ConnectionString"];
        var isDemo = parse.GetValue(demo);
        return isDemo == !string.IsNullOrWhiteSpace(connectionString) ? null : new TargetChoice(isDemo ? null : TargetDatabase.KeyValueConnectionString(connectionString!), isDemo);
    }
}
