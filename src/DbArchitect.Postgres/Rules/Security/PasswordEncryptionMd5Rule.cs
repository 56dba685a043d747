using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// New passwords are stored as MD5 hashes: the hash is as good as the password for logging in
/// over md5 authentication, and MD5 is cheap to brute-force. PostgreSQL 14 made SCRAM the default.
/// </summary>
public sealed class PasswordEncryptionMd5Rule : ISchemaRule
{
    private const string Setting = "password_encryption";

    public string Id => "password-encryption-md5";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        // An unreadable setting is absent from the snapshot and says nothing either way.
        if (facts.Snapshot.Setting(Setting) is not { Value: "md5" } setting)
        {
            yield break;
        }

        yield return new Finding
        {
            RuleId = Id,
            Subject = Setting,
            Severity = Severity,
            Area = Area,
            Title = "New passwords are stored as MD5 hashes",
            Rationale = "An MD5 password hash is salted only with the role name and is fast to brute-force, and with md5 authentication the hash " +
                "itself logs in. SCRAM-SHA-256 stores a salted, iterated verifier that a stolen copy cannot replay.",
            Evidence = [new Evidence(Setting, setting.Value), new Evidence("source", setting.Source ?? "unknown")],
            Remedy = SystemSettingRemedy.Create(Setting, "scram-sha-256", needsRestart: false,
                "None on queries. Only passwords set from now on are SCRAM: set each role's password again, then change md5 lines in pg_hba.conf to scram-sha-256."),
        };
    }
}
