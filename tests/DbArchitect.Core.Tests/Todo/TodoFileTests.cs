using System.Text;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Todo;
using DbArchitect.Core.Todo.Markdown;

namespace DbArchitect.Core.Tests.Todo;

public sealed class TodoFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dbarch-todo-").FullName;
    private readonly TodoFileWriter _writer = new();
    private readonly TodoFileReader _reader = new();

    private string TodoPath => TodoFile.PathIn(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Written_file_holds_exactly_the_markdown_as_utf8_without_bom()
    {
        const string markdown = "# TODO — Database Architect\n\n- [ ] **DB-QA-1** ünïcode\n";

        await _writer.WriteAsync(_directory, markdown, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetBytes(markdown), await File.ReadAllBytesAsync(TodoPath));
        Assert.Equal([TodoPath], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Writing_again_replaces_the_existing_file()
    {
        await _writer.WriteAsync(_directory, "old\n", CancellationToken.None);

        await _writer.WriteAsync(_directory, "new\n", CancellationToken.None);

        Assert.Equal("new\n", await File.ReadAllTextAsync(TodoPath));
    }

    [Fact]
    public async Task Failure_while_writing_leaves_the_existing_file_byte_identical_and_no_temporary_file()
    {
        await _writer.WriteAsync(_directory, "existing TODO\n", CancellationToken.None);
        var before = await File.ReadAllBytesAsync(TodoPath);
        var unencodable = "half written " + new string('x', 100_000) + "\uD800 lone surrogate";

        await Assert.ThrowsAnyAsync<ArgumentException>(() => _writer.WriteAsync(_directory, unencodable, CancellationToken.None));

        Assert.Equal(before, await File.ReadAllBytesAsync(TodoPath));
        Assert.Equal([TodoPath], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Cancelled_write_leaves_the_existing_file_untouched()
    {
        await _writer.WriteAsync(_directory, "existing TODO\n", CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _writer.WriteAsync(_directory, "replacement\n", new CancellationToken(canceled: true)));

        Assert.Equal("existing TODO\n", await File.ReadAllTextAsync(TodoPath));
        Assert.Equal([TodoPath], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Output_directory_that_cannot_be_created_is_a_usage_failure_in_one_line()
    {
        var blocker = Path.Combine(_directory, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "");

        var failure = await Assert.ThrowsAsync<DbArchitectException>(
            () => _writer.WriteAsync(Path.Combine(blocker, "out"), "# TODO\n", CancellationToken.None));

        Assert.Equal(FailureKind.Usage, failure.Kind);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task Reading_a_directory_without_a_todo_gives_null()
    {
        Assert.Null(await _reader.ReadAsync(_directory, CancellationToken.None));
    }

    [Fact]
    public async Task Reading_back_a_written_todo_gives_the_same_document()
    {
        var document = SampleTodo.Rich();
        await _writer.WriteAsync(_directory, TodoMarkdownRenderer.Render(document), CancellationToken.None);

        var read = await _reader.ReadAsync(_directory, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(TodoJson.Serialize(document), TodoJson.Serialize(read));
    }

    [Fact]
    public async Task Unparseable_existing_file_is_a_validation_failure_in_one_line_and_stays_untouched()
    {
        const string notATodo = "# My notes\n\nBuy milk.\n";
        await File.WriteAllTextAsync(TodoPath, notATodo);

        var failure = await Assert.ThrowsAsync<DbArchitectException>(() => _reader.ReadAsync(_directory, CancellationToken.None));

        Assert.Equal(FailureKind.Validation, failure.Kind);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Contains(TodoPath, failure.Message);
        Assert.Equal(notATodo, await File.ReadAllTextAsync(TodoPath));
    }
}
