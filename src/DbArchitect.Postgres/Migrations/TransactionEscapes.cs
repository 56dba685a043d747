using DbArchitect.Core.Migrations;

namespace DbArchitect.Postgres.Migrations;

/// <summary>How each migration tool is told to run a migration outside a transaction, in the tool's own words.</summary>
public static class TransactionEscapes
{
    /// <exception cref="ArgumentOutOfRangeException">A convention this advice does not know: a new one must say how it turns its transaction off.</exception>
    public static string For(MigrationConvention convention) => convention switch
    {
        MigrationConvention.Flyway => "Put the statement in a migration of its own (CONCURRENTLY statements and SETs only): Flyway then runs it outside a transaction by itself; or give the migration a script configuration file V<version>__name.sql.conf holding executeInTransaction=false.",
        MigrationConvention.UpDownFiles => "Remove the BEGIN/COMMIT around the statement and put it in a migration file of its own.",
        MigrationConvention.Dbmate => "Put the statement in a migration of its own and write its marker as -- migrate:up transaction:false.",
        MigrationConvention.Goose => "Put the statement in a migration of its own headed by -- +goose NO TRANSACTION.",
        MigrationConvention.Prisma => "Prisma runs each migration.sql in a transaction: apply this statement outside Prisma Migrate (e.g. a separate script run by the deployment) and record it with prisma migrate resolve.",
        MigrationConvention.PlainSql => "Remove the BEGIN/COMMIT around the statement, or move it to a script that runs without one.",
        MigrationConvention.TypeOrm => "Put the statement in a migration class of its own with transaction = false, and run migrations with --transaction each (migrationsTransactionMode: 'each'): in the default 'all' mode TypeORM refuses a migration's own transaction setting.",
        MigrationConvention.Knex => "Put the statement in a migration of its own exporting exports.config = { transaction: false } (export const config = { transaction: false } in ES modules).",
        MigrationConvention.Sequelize => "Sequelize runs a migration without a transaction of its own: call queryInterface.sequelize.query(…) for this statement outside sequelize.transaction(…) and without a { transaction } option.",
        MigrationConvention.Alembic => "Run the statement inside with op.get_context().autocommit_block(): op.execute(…); Alembic commits the transaction before the block, so keep the block at the start or the end of the revision.",
        MigrationConvention.EfCore => "Run the statement with migrationBuilder.Sql(\"…\", suppressTransaction: true), in a migration of its own.",
        MigrationConvention.FluentMigrator => "Put the statement in a migration of its own marked [Migration(<version>, TransactionBehavior.None)].",
        MigrationConvention.DbUp => "DbUp runs scripts without a transaction unless the upgrader is built .WithTransaction() or .WithTransactionPerScript(): remove the BEGIN/COMMIT around the statement, or run this script from an upgrader built without them.",
        MigrationConvention.Sqitch => "sqitch runs a deploy script as written: take the statement out of the script's BEGIN/COMMIT, into a change of its own (sqitch add) whose deploy script has no BEGIN/COMMIT.",
        MigrationConvention.Drizzle => "drizzle-orm's migrator applies every pending migration in one transaction: run this statement outside it (a separate script in the deployment, after migrate()), and keep it out of the generated .sql file.",
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "No transaction escape for this convention."),
    };
}
