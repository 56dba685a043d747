using DbArchitect.Core.Rules;

namespace DbArchitect.Postgres.Rules;

/// <summary>
/// A PostgreSQL rule: reads the <see cref="AnalysisFacts"/> gathered from one database. A sealed
/// class implementing it, with a public parameterless constructor, in its family's folder under
/// Rules/, is all it takes for <see cref="RuleCatalog"/> to run it.
/// </summary>
public interface ISchemaRule : IRule<AnalysisFacts>;
