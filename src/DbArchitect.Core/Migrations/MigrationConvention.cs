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
}
