using DbArchitect.Core.Todo.Markdown;

namespace DbArchitect.Cli.Tests;

public sealed class AnalyzeRejectedRemedyTests(RejectedRemedyFixture database) : IClassFixture<RejectedRemedyFixture>
{
    [Fact]
    public async Task A_type_change_under_views_is_completed_and_one_the_server_still_refuses_becomes_a_pain_point()
    {
        using var output = new TempDirectory();

        var run = await CliRun.InvokeAsync("analyze", "--connection", database.AdminConnectionString, "--out", output.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var document = TodoMarkdownParser.Parse(await File.ReadAllTextAsync(output.TodoPath));
        var events = Assert.Single(document.Items, i => i.FindingKey == "timestamp-without-time-zone:public.events");
        Assert.True(events.Sql.Contains("DROP VIEW public.recent_event_days;", StringComparison.Ordinal), events.Sql);
        Assert.True(events.Sql.IndexOf("DROP VIEW public.recent_event_days", StringComparison.Ordinal) < events.Sql.IndexOf("DROP VIEW public.recent_events;", StringComparison.Ordinal), "the view on the view is dropped first");
        Assert.True(events.Sql.IndexOf("CREATE VIEW public.recent_events ", StringComparison.Ordinal) < events.Sql.IndexOf("CREATE VIEW public.recent_event_days ", StringComparison.Ordinal), "and re-created last");
        Assert.Contains("CREATE VIEW public.recent_events ", events.Rollback, StringComparison.Ordinal);

        Assert.DoesNotContain(document.Items, i => i.FindingKey == "timestamp-without-time-zone:public.readings");
        var painPoint = Assert.Single(document.Context.PainPoints, p => p.StartsWith("[needs a person]", StringComparison.Ordinal));
        Assert.Contains("public.readings", painPoint, StringComparison.Ordinal);
        Assert.Contains("generated column", painPoint, StringComparison.Ordinal);
    }
}
