using DbArchitect.Core.Failures;
using DbArchitect.Core.Migrations;
using DbArchitect.Core.Migrations.Discovery;

namespace DbArchitect.Agent.Migrations;

/// <summary>The chains under the folder a migrations command was given, with a folder that cannot be read as the run's one-line failure.</summary>
internal static class MigrationFolder
{
    /// <exception cref="DbArchitectException">The folder does not exist or cannot be read (exit 3).</exception>
    public static IReadOnlyList<MigrationChain> Discover(string path, CancellationToken cancellationToken)
    {
        try
        {
            return MigrationDiscovery.Discover(path, cancellationToken);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new DbArchitectException(FailureKind.Unreachable, $"cannot read the migrations folder {path}: {OneLine.Of(e.Message)}");
        }
    }
}
