using DbArchitect.Core.Findings;

namespace DbArchitect.Core.Rules;

/// <summary>
/// What a rule says about itself, whatever facts it reads: enough for a catalog to order rules
/// and for the QA checklist to know which statements they speak for.
/// </summary>
public interface IRule
{
    /// <summary>Stable, kebab-case identifier, e.g. <c>fk-without-index</c>; part of every finding's key.</summary>
    string Id { get; }

    /// <summary>The role definition heading the rule's findings belong to.</summary>
    FindingArea Area { get; }

    /// <summary>The severity a typical finding of this rule gets (individual findings may raise it).</summary>
    Severity Severity { get; }

    /// <summary>The QA statements whose verdict rests on this rule; none by default.</summary>
    QaStatement QaStatements => QaStatement.None;
}

/// <summary>
/// A rule over the facts one engine gathers from one database. Rules are pure: they read the facts
/// and return findings, never touching the database themselves, so they can be tested on hand-built
/// facts as well as on a live server.
/// </summary>
/// <typeparam name="TFacts">What the engine's rules read, e.g. a catalog snapshot with samples.</typeparam>
public interface IRule<in TFacts> : IRule
{
    IEnumerable<Finding> Evaluate(TFacts facts);
}
