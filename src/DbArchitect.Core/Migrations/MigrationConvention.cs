namespace DbArchitect.Core.Migrations;

/// <summary>How a repository lays out its migrations, and so how their order, up and down are read.</summary>
public enum MigrationConvention
{
    /// <summary><c>V1__name.sql</c>, undo <c>U1__name.sql</c>, repeatable <c>R__name.sql</c>; each runs in a transaction.</summary>
    Flyway,

    /// <summary>golang-migrate and popx: <c>1_name.up.sql</c> beside <c>1_name.down.sql</c>; no transaction of its own.</summary>
    UpDownFiles,

    /// <summary>dbmate: one file, <c>-- migrate:up</c> then <c>-- migrate:down</c>; a transaction unless <c>transaction:false</c>.</summary>
    Dbmate,

    /// <summary>goose: one file, <c>-- +goose Up</c> then <c>-- +goose Down</c>; a transaction unless <c>-- +goose NO TRANSACTION</c>.</summary>
    Goose,

    /// <summary>Prisma: <c>migrations/&lt;timestamp&gt;_name/migration.sql</c>, no down; each in a transaction.</summary>
    Prisma,

    /// <summary>A folder of .sql files applied in name order, no down.</summary>
    PlainSql,

    /// <summary>TypeORM: a class with <c>up</c> and <c>down</c> whose SQL is in <c>queryRunner.query(…)</c>; all in one transaction unless <c>transaction = false</c>.</summary>
    TypeOrm,

    /// <summary>Knex: a module exporting <c>up</c> and <c>down</c> whose SQL is in <c>knex.raw(…)</c> or <c>knex.schema.raw(…)</c>; each in a transaction unless <c>config = { transaction: false }</c>.</summary>
    Knex,

    /// <summary>Sequelize: a module with <c>up</c> and <c>down</c> whose SQL is in <c>queryInterface.sequelize.query(…)</c>; no transaction of its own.</summary>
    Sequelize,

    /// <summary>Alembic: a revision with <c>upgrade()</c> and <c>downgrade()</c> whose SQL is in <c>op.execute(…)</c>, ordered by its <c>down_revision</c>; in a transaction.</summary>
    Alembic,

    /// <summary>EF Core: a migration class with <c>Up</c> and <c>Down</c> whose SQL is in <c>migrationBuilder.Sql(…)</c>, ordered by its migration id; each in a transaction.</summary>
    EfCore,

    /// <summary>FluentMigrator: a class marked <c>[Migration(N)]</c> with <c>Up</c> and <c>Down</c> whose SQL is in <c>Execute.Sql(…)</c>; each in a transaction unless <c>TransactionBehavior.None</c>.</summary>
    FluentMigrator,

    /// <summary>DbUp: the .sql scripts of a project that references DbUp, in name order, no down; no transaction unless the upgrader asks for one.</summary>
    DbUp,

    /// <summary>sqitch: the changes of <c>sqitch.plan</c> in plan order, up <c>deploy/name.sql</c>, down <c>revert/name.sql</c>; no transaction but the script's own <c>BEGIN</c>/<c>COMMIT</c>.</summary>
    Sqitch,

    /// <summary>Drizzle: drizzle-kit's <c>&lt;tag&gt;.sql</c> files in the order of <c>meta/_journal.json</c>, no down; the pending ones in one transaction.</summary>
    Drizzle,
}
