using DbArchitect.Core.Migrations;

namespace DbArchitect.Postgres.Migrations;

/// <summary>How each migration tool is told to run a migration outside a transaction.</summary>
public static class TransactionEscapes
{
    public static string For(MigrationConvention convention) => convention switch
    {
        MigrationConvention.Flyway => "Put the statement in a migration of its own (CONCURRENTLY statements and SETs only): Flyway then runs it outside a transaction by itself.",
        MigrationConvention.Goose => "Put the statement in a migration of its own headed by -- +goose NO TRANSACTION.",
        MigrationConvention.Dbmate => "Put the statement in a migration of its own and write its marker as -- migrate:up transaction:false.",
        MigrationConvention.Prisma => "Prisma runs each migration.sql in a transaction: apply this statement outside Prisma Migrate (e.g. a separate script run by the deployment) and record it with prisma migrate resolve.",
        _ => "Remove the BEGIN/COMMIT around the statement, or move it to a migration that runs without one.",
    };
}
