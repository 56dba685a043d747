using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Rules.Support;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// SSL is off on a server that listens beyond the loopback interface: passwords exchanged without
/// SCRAM and all query traffic cross the network in clear text. A server reachable only from its
/// own host (unix sockets, localhost, as scratch and test clusters are) has no such network.
/// </summary>
public sealed class SslOffRule : ISchemaRule
{
    private const string Setting = "ssl";

    public string Id => "ssl-off";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        if (facts.Snapshot.SettingSwitch(Setting) != false || facts.Snapshot.Setting("listen_addresses") is not { } listen || LoopbackOnly(listen.Value))
        {
            yield break;
        }

        yield return new Finding
        {
            RuleId = Id,
            Subject = Setting,
            Severity = Severity,
            Area = Area,
            Title = "SSL is off on a server that accepts network connections",
            Rationale = "Without SSL, queries, results and any password sent in clear text travel unencrypted between application and server, " +
                "readable and alterable by anyone on the path. With ssl on, pg_hba.conf hostssl lines can then require it.",
            Evidence = [new Evidence(Setting, "off"), new Evidence("listen_addresses", listen.Value)],
            Remedy = SystemSettingRemedy.Create(Setting, "on", needsRestart: false,
                "A TLS handshake per new connection (pooling hides it) and a few percent of CPU on traffic. The certificate and key " +
                "(ssl_cert_file, ssl_key_file) must be in place first, or the reload keeps SSL off and logs why."),
        };
    }

    private static bool LoopbackOnly(string addresses) =>
        addresses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .All(a => a is "localhost" or "127.0.0.1" or "::1");
}
