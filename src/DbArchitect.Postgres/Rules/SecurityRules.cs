using DbArchitect.Postgres.Rules.Security;

namespace DbArchitect.Postgres.Rules;

/// <summary>Who may do what: the application role's attributes and ownership, grants to PUBLIC, SECURITY DEFINER routines, languages, extensions and the server's authentication settings.</summary>
internal static class SecurityRules
{
    public static IReadOnlyList<ISchemaRule> All { get; } =
    [
        new ApplicationRoleSuperuserRule(),
        new ApplicationRolePrivilegedRule(),
        new ApplicationRoleOwnsTablesRule(),
        new RowSecurityNotForcedRule(),
        new PublicCreateOnSchemaRule(),
        new SecurityDefinerPublicExecuteRule(),
        new SecurityDefinerSearchPathRule(),
        new UntrustedLanguageRule(),
        new ExtensionShadowingRule(),
        new PasswordEncryptionMd5Rule(),
        new SslOffRule(),
    ];
}
