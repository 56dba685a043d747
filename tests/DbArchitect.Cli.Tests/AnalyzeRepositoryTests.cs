namespace DbArchitect.Cli.Tests;

/// <summary><c>analyze --repo</c> without a database: the repository's migrations are built on a scratch server and that schema is analysed.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class AnalyzeRepositoryTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_repository_alone_gets_a_todo_from_the_schema_its_migrations_build_and_a_failing_migration_is_named()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_repo.Path, "db", "migrations")).FullName;
        File.WriteAllText(Path.Combine(folder, "1_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        File.WriteAllText(Path.Combine(folder, "1_users.down.sql"), "DROP TABLE users;\n");
        File.WriteAllText(Path.Combine(folder, "2_orders.up.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id), placed_at timestamp);\n");
        File.WriteAllText(Path.Combine(folder, "2_orders.down.sql"), "DROP TABLE orders;\n");
        File.WriteAllText(Path.Combine(folder, "3_typo.up.sql"), "ALTER TABLE order_lines ADD COLUMN note text;\n");
        File.WriteAllText(Path.Combine(folder, "3_typo.down.sql"), "SELECT 1;\n");
        File.WriteAllText(Path.Combine(folder, "4_notes.up.sql"), "CREATE TABLE notes (body text);\n");
        File.WriteAllText(Path.Combine(folder, "4_notes.down.sql"), "DROP TABLE notes;\n");

        var run = await CliRun.InvokeAsync("analyze", "--repo", _repo.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("built the schema from 3 of 4 migrations of db/migrations; 1 failed, the first 3 typo (", run.Error, StringComparison.Ordinal);
        var todo = File.ReadAllText(_repo.TodoPath);
        Assert.Contains("fk-without-index", todo, StringComparison.Ordinal);
        Assert.Contains("public.orders", todo, StringComparison.Ordinal);
        Assert.Contains("missing-primary-key", todo, StringComparison.Ordinal);
        Assert.Contains("the schema of 3 of 4 migrations of db/migrations", todo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_without_migrations_is_one_line_and_exit_3()
    {
        var run = await CliRun.InvokeAsync("analyze", "--repo", _repo.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("dbarch: no migrations found under ", run.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.False(File.Exists(_repo.TodoPath));
    }
}
