namespace DbArchitect.Core.Rules;

/// <summary>
/// An engine's rules, found rather than listed: every concrete class of <typeparamref name="TRule"/>
/// among the given types, so that adding a rule means adding its file. Ordered by namespace (the
/// rule's family folder) then id, so runs and reports do not depend on how the compiler laid out
/// the assembly.
/// </summary>
/// <typeparam name="TRule">The engine's rule interface.</typeparam>
public sealed class RuleCatalog<TRule>
    where TRule : class, IRule
{
    private RuleCatalog(IReadOnlyList<TRule> all) => All = all;

    public IReadOnlyList<TRule> All { get; }

    /// <summary>
    /// Instantiates every non-abstract <typeparamref name="TRule"/> class among <paramref name="types"/>.
    /// A rule class the catalog could not run (no public parameterless constructor) or two rules
    /// with one id are programming errors, and fail here rather than drop or merge findings quietly.
    /// </summary>
    public static RuleCatalog<TRule> Of(IEnumerable<Type> types)
    {
        var rules = types
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(TRule).IsAssignableFrom(type))
            .Select(Instantiate)
            .OrderBy(rule => rule.GetType().Namespace, StringComparer.Ordinal)
            .ThenBy(rule => rule.Id, StringComparer.Ordinal)
            .ToList();
        var shared = rules.GroupBy(rule => rule.Id, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (shared.Count > 0)
        {
            throw new InvalidOperationException($"Rule ids must be unique; shared: {string.Join(", ", shared)}.");
        }

        return new RuleCatalog<TRule>(rules);
    }

    /// <summary>The ids of the rules that speak for <paramref name="statement"/>.</summary>
    public IReadOnlySet<string> IdsFor(QaStatement statement) =>
        All.Where(rule => (rule.QaStatements & statement) != 0).Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);

    private static TRule Instantiate(Type type) =>
        type.GetConstructor(Type.EmptyTypes) is { IsPublic: true } constructor
            ? (TRule)constructor.Invoke(null)
            : throw new InvalidOperationException($"Rule {type.FullName} has no public parameterless constructor, so the catalog cannot run it.");
}
