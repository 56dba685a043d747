using DbArchitect.Core.Findings;

namespace DbArchitect.Postgres.Rules;

/// <summary>
/// A rule over the facts gathered from one database. Rules are pure: they read
/// <see cref="AnalysisFacts"/> and return findings, never touching the database themselves, so
/// they can be tested on hand-built facts as well as on a live server.
/// </summary>
public interface ISchemaRule
{
    /// <summary>Stable, kebab-case identifier, e.g. <c>fk-without-index</c>; part of every finding's key.</summary>
    string Id { get; }

    /// <summary>The role definition heading the rule's findings belong to.</summary>
    FindingArea Area { get; }

    /// <summary>The severity a typical finding of this rule gets (individual findings may raise it).</summary>
    Severity Severity { get; }

    IEnumerable<Finding> Evaluate(AnalysisFacts facts);
}
