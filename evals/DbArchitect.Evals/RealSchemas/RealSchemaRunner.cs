using System.Diagnostics;
using DbArchitect.Agent.Analysis;
using DbArchitect.Core.Failures;
using DbArchitect.Core.Todo;
using DbArchitect.Postgres.Rules;
using DbArchitect.Postgres.Scratch;
using Npgsql;

namespace DbArchitect.Evals.RealSchemas;

/// <summary>
/// Loads each schema file into its own database, counts the expected facts with the independent
/// queries first, then runs the whole analyze (scratch copy, every change and rollback checked)
/// and writes the TODO to a temporary folder, as a user's first run would.
/// </summary>
internal sealed class RealSchemaRunner(ScratchCluster cluster, IProgress<string> progress, string? keepDirectory)
{
    public async Task<RealSchemaRun> RunAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var connectionString = await cluster.CreateDatabaseAsync("real_" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]), cancellationToken).ConfigureAwait(false);
        progress.Report($"{name}: loading {path}");
        var load = await RealSchemaLoader.LoadAsync(connectionString, path, cancellationToken).ConfigureAwait(false);
        var (tables, expected) = await ExpectAsync(connectionString, cancellationToken).ConfigureAwait(false);

        var output = Directory.CreateTempSubdirectory("dbarch-real-");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var outcome = await new AnalyzePipeline().RunAsync(new AnalyzeRequest
            {
                ConnectionString = connectionString,
                OutputDirectory = output.FullName,
                CheckSql = true,

                // The eval loads and reads as the scratch superuser; judging that role would put the same
                // finding on every schema, so the security rules judge an application role nobody has.
                Rules = new RuleOptions { ApplicationRole = ScenarioRunner.ScenarioApplicationRole },
            }, progress, cancellationToken).ConfigureAwait(false);
            return new RealSchemaRun
            {
                Name = name,
                Load = load,
                Elapsed = stopwatch.Elapsed,
                Exit = 0,
                Tables = tables,
                Findings = outcome.Findings,
                Items = outcome.Document.Items.Count,
                TodoBytes = outcome.WrittenTo is { } written ? new FileInfo(written).Length : 0,
                Refused = outcome.RemediesLeftToAPerson,
                Checks = [.. expected.Select(e => FactCheck.Of(e.Fact, e.Tables, outcome.Findings))],
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var exit = e is DbArchitectException { Kind: not FailureKind.Validation } or NpgsqlException ? 3 : 4;
            return new RealSchemaRun { Name = name, Load = load, Tables = tables, Elapsed = stopwatch.Elapsed, Exit = exit, Error = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}" };
        }
        finally
        {
            // Kept for reading by hand: the README's false proposals are counted from these.
            if (keepDirectory is not null && File.Exists(TodoFile.PathIn(output.FullName)))
            {
                Directory.CreateDirectory(keepDirectory);
                File.Copy(TodoFile.PathIn(output.FullName), Path.Combine(keepDirectory, name + ".md"), overwrite: true);
            }

            output.Delete(recursive: true);
        }
    }

    private static async Task<(int Tables, List<(ExpectedFact Fact, List<string> Tables)> Facts)> ExpectAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        int tables;

        // The load's own statements are not a workload: the analysis must not plan them.
        await using (var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset() FROM pg_extension WHERE extname = 'pg_stat_statements'", connection))
        {
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var count = new NpgsqlCommand(ExpectedFacts.CountTablesSql, connection))
        {
            tables = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        var expected = new List<(ExpectedFact, List<string>)>();
        foreach (var fact in ExpectedFacts.All)
        {
            await using var command = new NpgsqlCommand(fact.TablesSql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var named = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                named.Add(reader.GetString(0));
            }

            expected.Add((fact, named));
        }

        return (tables, expected);
    }
}
