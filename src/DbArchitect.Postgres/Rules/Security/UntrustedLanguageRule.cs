using System.Globalization;
using DbArchitect.Core.Findings;
using DbArchitect.Core.Rules;
using DbArchitect.Postgres.Catalog;

namespace DbArchitect.Postgres.Rules.Security;

/// <summary>
/// An untrusted procedural language (plperlu, plpython3u…) is installed: its routines run with the
/// server's operating-system account and can read its files and start programs. C and internal
/// are the server's own and always present.
/// </summary>
public sealed class UntrustedLanguageRule : ISchemaRule
{
    public string Id => "untrusted-language";
    public FindingArea Area => FindingArea.DataIntegrity;
    public Severity Severity => Severity.Medium;
    public QaStatement QaStatements => QaStatement.Security;

    public IEnumerable<Finding> Evaluate(AnalysisFacts facts)
    {
        foreach (var language in facts.Snapshot.Languages.Where(l => !l.Trusted && l.Name is not ("c" or "internal")))
        {
            yield return new Finding
            {
                RuleId = Id,
                Subject = $"language {SqlIdentifier.Quote(language.Name)}",
                Severity = Severity,
                Area = Area,
                Title = $"Untrusted language {language.Name} is installed",
                Rationale = "Routines in an untrusted language run as the server's operating-system user, outside every SQL privilege: " +
                    "whoever can create them (superusers) or call them reaches the data directory and the host. " +
                    "Drop the language where nothing needs it.",
                Evidence =
                [
                    new Evidence("lanpltrusted", "false"),
                    new Evidence("routines in the language", language.Routines.ToString(CultureInfo.InvariantCulture)),
                    new Evidence("installed by", language.Extension is null ? "CREATE LANGUAGE" : $"extension {language.Extension}"),
                ],
                // Routines written in it block the drop and are application code; a person decides what replaces them.
                Remedy = language.Routines > 0 ? null : Drop(language),
            };
        }
    }

    private static Remedy? Drop(LanguageInfo language)
    {
        string up, down;
        if (language.Extension is { } extension)
        {
            (up, down) = ($"DROP EXTENSION {SqlIdentifier.Quote(extension)};", $"CREATE EXTENSION {SqlIdentifier.Quote(extension)};");
        }
        else if (language.Handler is { } handler)
        {
            var inline = language.InlineHandler is { } i ? $" INLINE {i}" : "";
            var validator = language.Validator is { } v ? $" VALIDATOR {v}" : "";
            (up, down) = ($"DROP LANGUAGE {SqlIdentifier.Quote(language.Name)};", $"CREATE LANGUAGE {SqlIdentifier.Quote(language.Name)} HANDLER {handler}{inline}{validator};");
        }
        else
        {
            return null;
        }

        return new Remedy
        {
            Kind = ChangeKind.SchemaChange,
            Strategy = MigrationStrategy.Standard,
            Up = up,
            Down = down,
            PerformanceImpact = "None; no routine uses the language.",
            Testing = $"SELECT 1 FROM pg_language WHERE lanname = {SqlIdentifier.Literal(language.Name)} returns no row.",
        };
    }
}
