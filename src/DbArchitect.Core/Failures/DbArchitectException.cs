namespace DbArchitect.Core.Failures;

/// <summary>
/// The one typed error for expected failures. Its message is a single line fit to print to a
/// user as is (no stack trace, no secrets); the console maps <see cref="Kind"/> to the exit code.
/// </summary>
public sealed class DbArchitectException : Exception
{
    public DbArchitectException(FailureKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public FailureKind Kind { get; }
    public int ExitCode => (int)Kind;
}
