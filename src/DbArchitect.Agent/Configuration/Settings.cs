using Microsoft.Extensions.Configuration;

namespace DbArchitect.Agent.Configuration;

/// <summary>
/// Configuration in the standard order, the same for every host: appsettings.json (beside the tool, then the working
/// directory), environment variables prefixed <c>DBARCH__</c>, then command-line options, which
/// a host applies on top.
/// </summary>
public static class Settings
{
    public static IConfiguration Load() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables("DBARCH__")
        .Build();
}
