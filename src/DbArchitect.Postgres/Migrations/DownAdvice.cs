using DbArchitect.Core.Migrations;

namespace DbArchitect.Postgres.Migrations;

/// <summary>
/// How to write a migration's down in each migration tool, naming the file, section or method the
/// tool runs and the command that runs it; for tools without downs, how their teams roll back instead.
/// </summary>
public static class DownAdvice
{
    /// <exception cref="ArgumentOutOfRangeException">A convention this advice does not know: a new one must say where its down goes.</exception>
    public static string For(MigrationConvention convention) => convention switch
    {
        MigrationConvention.Flyway => Write("an undo migration U<version>__name.sql beside the V<version>__name.sql", "flyway undo, a Flyway Teams command"),
        MigrationConvention.UpDownFiles => Write("the <version>_name.down.sql beside the .up.sql", "migrate down"),
        MigrationConvention.Dbmate => Write("a -- migrate:down section after the -- migrate:up one", "dbmate rollback"),
        MigrationConvention.Goose => Write("a -- +goose Down section after the -- +goose Up one", "goose down"),
        MigrationConvention.Prisma => "Prisma Migrate has no down: revert schema.prisma and create a new forward migration; for a failed deploy, generate the reverse SQL with prisma migrate diff --script, run it with prisma db execute and mark the migration with prisma migrate resolve --rolled-back.",
        MigrationConvention.PlainSql => "A folder of plain scripts has no down: roll back with a new forward migration that reverses this one.",
        MigrationConvention.TypeOrm => Write("the class's async down(queryRunner: QueryRunner), its SQL in queryRunner.query(…)", "typeorm migration:revert"),
        MigrationConvention.Knex => Write("exports.down = function (knex) { … } (export async function down(knex) in ES modules), its SQL in knex.raw(…)", "knex migrate:rollback"),
        MigrationConvention.Sequelize => Write("the module's async down(queryInterface, Sequelize), its SQL in queryInterface.sequelize.query(…)", "sequelize db:migrate:undo"),
        MigrationConvention.Alembic => Write("the revision's def downgrade(), its SQL in op.execute(…)", "alembic downgrade -1"),
        MigrationConvention.EfCore => Write("the migration's protected override void Down(MigrationBuilder migrationBuilder), its SQL in migrationBuilder.Sql(…)", "dotnet ef database update <the previous migration>"),
        MigrationConvention.FluentMigrator => Write("the migration's public override void Down(), its SQL in Execute.Sql(…)", "dotnet fm rollback"),
        MigrationConvention.DbUp => "DbUp runs scripts forward only: roll back with a new script that reverses this one, run by the same upgrader.",
        MigrationConvention.Sqitch => Write("the change's revert/<name>.sql beside its deploy/<name>.sql (a verify/ script checks the deploy, it does not undo it)", "sqitch revert"),
        MigrationConvention.Drizzle => "drizzle-kit writes no down: change the schema back in its TypeScript definition and generate a new forward migration with drizzle-kit generate; keep the reverse SQL of a risky migration at hand for a failed deploy.",
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "No down advice for this convention."),
    };

    private static string Write(string place, string command) =>
        $"Write the down as {place} (run by {command}), so that it restores the schema and the data the up changed.";
}
