using DbArchitect.Core.Rules;

namespace DbArchitect.Postgres.Migrations;

/// <summary>A lint rule over one statement of a migration; the linter adds file and line to what it finds.</summary>
public interface IMigrationRule : IRule<MigrationStatement>;
