using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Core.Tests.Migrations;

public sealed class AlembicMigrationsTests
{
    private const string Revision = """"
        """add users

        Revision ID: 1a2b3c
        Revises: 0f0f0f
        """
        from alembic import op
        import sqlalchemy as sa

        revision: str = "1a2b3c"
        down_revision: Union[str, None] = "0f0f0f"


        def upgrade() -> None:
            # op.execute("DROP TABLE everything")
            op.execute("CREATE TABLE users (id bigint, note text DEFAULT 'it''s')")
            op.execute(
                "CREATE INDEX users_note "  # adjacent literals are one
                'ON users (lower(note))'
            )
            op.execute(sa.text("""
                UPDATE users SET note = 'a\\b'
                WHERE id = 1
            """))
            op.execute(r"COMMENT ON TABLE users IS 'a\nb'")
            op.add_column("users", sa.Column("age", sa.Integer()))
            op.execute(f"GRANT SELECT ON users TO {role}")
            op.execute("ALTER TABLE users OWNER TO %s" % owner)
            with op.batch_alter_table("users") as batch_op:
                batch_op.drop_column("age")


        def downgrade() -> None:
            op.execute("DROP TABLE users")
        """";

    [Fact]
    public void Execute_sql_is_read_on_its_line_with_python_literals_and_operations_are_not_analysed()
    {
        var revision = AlembicMigrations.Read("alembic/versions/1a2b3c_add_users.py", Revision)!;
        var migration = revision.Migration;

        Assert.Equal("1a2b3c", revision.Id);
        Assert.Equal(["0f0f0f"], revision.DownRevisions);
        Assert.Equal((MigrationConvention.Alembic, "1a2b3c add_users", true), (migration.Convention, migration.Label, migration.RunsInTransaction));
        Assert.Equal([15, 17, 21, 22, 24], ScriptLines.Statements(migration.Up));
        Assert.Equal("CREATE TABLE users (id bigint, note text DEFAULT 'it''s');", ScriptLines.At(migration.Up, 15));
        Assert.Equal("CREATE INDEX users_note ON users (lower(note));", ScriptLines.At(migration.Up, 17));
        Assert.Equal("UPDATE users SET note = 'a\\b'", ScriptLines.At(migration.Up, 21).Trim());
        Assert.Equal("COMMENT ON TABLE users IS 'a\\nb';", ScriptLines.At(migration.Up, 24));
        Assert.DoesNotContain("everything", migration.Up.Sql, StringComparison.Ordinal);
        Assert.Equal(
            [
                (25, "op.add_column(…): a builder call, not SQL text"),
                (26, "an f-string: SQL built when the migration runs"),
                (27, "a literal formatted with %: SQL built when the migration runs"),
                (28, "op.batch_alter_table(…): a builder call, not SQL text"),
                (29, "batch_op.drop_column(…): a builder call, not SQL text"),
            ],
            ScriptLines.Unread(migration));
        Assert.Equal("DROP TABLE users;", ScriptLines.At(migration.Down!, 33));
        Assert.DoesNotContain("DROP TABLE users", migration.Up.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Revisions_are_ordered_by_their_down_revision_chain_not_by_file_name_and_merges_follow_both_parents()
    {
        static AlembicMigrations.Revision Make(string file, string id, string down) =>
            AlembicMigrations.Read($"versions/{file}.py", $"revision = '{id}'\ndown_revision = {down}\n\ndef upgrade():\n    op.execute('SELECT 1')\n\ndef downgrade():\n    pass\n")!;

        var revisions = new[]
        {
            Make("aaa_merge", "m", "('c', 'b')"),
            Make("bbb_root", "r", "None"),
            Make("ccc_branch", "c", "'r'"),
            Make("ddd_other_branch", "b", "'r'"),
        };

        Assert.Equal(["r", "c", "b", "m"], AlembicMigrations.Ordered(revisions).Select(m => m.Version));
        Assert.Empty(ScriptLines.Statements(revisions[0].Migration.Down!));
    }

    [Fact]
    public void A_python_file_without_a_revision_or_an_upgrade_is_no_revision()
    {
        Assert.Null(AlembicMigrations.Read("versions/helpers.py", "def upgrade():\n    pass\n"));
        Assert.Null(AlembicMigrations.Read("migrations/env.py", "revision = context.get_revision_argument()\n"));
        Assert.Null(AlembicMigrations.Read("migrations/0001_initial.py", "from django.db import migrations\nclass Migration(migrations.Migration):\n    operations = []\n"));
    }
}
