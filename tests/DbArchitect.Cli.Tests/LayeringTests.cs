using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DbArchitect.Agent.Analysis;
using DbArchitect.Core.Findings;

namespace DbArchitect.Cli.Tests;

/// <summary>
/// The layers, read from the compiled assemblies: Core knows no engine, the Agent layer does not
/// touch the PostgreSQL driver or the engine's catalog types (it holds the engine's session and
/// services only), and the console calls the Agent layer alone. A type used anywhere in an assembly (a local, a catch clause, a
/// property read) puts its assembly among the references.
/// </summary>
public sealed class LayeringTests
{
    [Theory]
    [InlineData("DbArchitect.Agent")]
    [InlineData("dbarch")]
    public void Agent_and_the_console_do_not_reference_the_postgresql_driver(string assembly) =>
        Assert.DoesNotContain(References(Loaded(assembly)), name => name.StartsWith("Npgsql", StringComparison.Ordinal));

    /// <summary>
    /// Every type the Agent's code names (a field, a parameter, a local, a property read through)
    /// is a type reference in its metadata; none may be one of the engine's catalog types.
    /// </summary>
    [Fact]
    public void Agent_names_no_type_of_the_engines_catalog()
    {
        using var stream = File.OpenRead(typeof(AnalyzePipeline).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var named = metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}")
            .ToList();

        Assert.Contains(named, name => name.StartsWith("DbArchitect.Postgres.", StringComparison.Ordinal));
        Assert.DoesNotContain(named, name => name.StartsWith("DbArchitect.Postgres.Catalog.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_console_calls_the_agent_layer_only()
    {
        var references = References(typeof(DbarchApp).Assembly);

        Assert.Contains("DbArchitect.Agent", references);
        Assert.DoesNotContain("DbArchitect.Postgres", references);
    }

    [Fact]
    public void Core_references_no_engine_and_no_driver()
    {
        var references = References(typeof(Finding).Assembly);

        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal) || name.StartsWith("DbArchitect.", StringComparison.Ordinal));
    }

    private static Assembly Loaded(string name) => name switch
    {
        "DbArchitect.Agent" => typeof(AnalyzePipeline).Assembly,
        _ => typeof(DbarchApp).Assembly,
    };

    private static List<string> References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(r => r.Name ?? "")];
}
