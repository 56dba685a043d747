using System.ComponentModel.DataAnnotations;
using DbArchitect.Agent.Analysis;
using DbArchitect.Core.Failures;
using Microsoft.Extensions.Configuration;

namespace DbArchitect.Agent.Configuration;

/// <summary>
/// The analysis' settings from configuration (appsettings.json, DBARCH__ environment variables),
/// bound and validated once for every host: the rules' thresholds (<c>Rules:</c>) and the target
/// session's limits (<c>Session:</c>).
/// </summary>
public static class AnalysisSettings
{
    /// <exception cref="DbArchitectException">A setting is out of range or of the wrong type (usage).</exception>
    public static AnalyzeRequest Apply(IConfiguration configuration, AnalyzeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return request with { Rules = Bind<Postgres.Rules.RuleOptions>(configuration, "Rules"), Session = Bind<Postgres.Sessions.TargetSessionOptions>(configuration, "Session") };
        }
        catch (Exception e) when (e is ValidationException or InvalidOperationException)
        {
            throw new DbArchitectException(FailureKind.Usage, $"configuration: {e.Message}");
        }
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
