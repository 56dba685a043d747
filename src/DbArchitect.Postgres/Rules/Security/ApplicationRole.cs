using DbArchitect.Core.Findings;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// The role the security rules judge: the one named in <see cref="RuleOptions.ApplicationRole"/>,
/// else the role analyze connects as. Its evidence line says which, because a finding about
/// "your application role" is only as right as that choice.
/// </summary>
internal static class ApplicationRole
{
    public static string? Name(AnalysisFacts facts) => Configured(facts) ? facts.Options.ApplicationRole : facts.Snapshot.Server.ConnectedRole;

    /// <summary>The role's attributes, null when it is not known or the server has no such role.</summary>
    public static RoleInfo? Of(AnalysisFacts facts) =>
        Name(facts) is { } name ? facts.Snapshot.Roles.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal)) : null;

    public static Evidence ChosenBy(AnalysisFacts facts) => new(
        "application role",
        Configured(facts)
            ? $"{Name(facts)} (Rules:ApplicationRole)"
            : $"{Name(facts)} (the role analyze connected as; set Rules:ApplicationRole when that is not the application's)");

    // A configuration file lists the key with "" to mean "not set".
    private static bool Configured(AnalysisFacts facts) => !string.IsNullOrEmpty(facts.Options.ApplicationRole);

    public static string Subject(string role) => $"role {SqlIdentifier.Quote(role)}";
}
