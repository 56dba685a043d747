namespace DbArchitect.Postgres.Scratch;

/// <summary>The scratch cluster could not be created or started; the message says which step failed and why.</summary>
public sealed class ScratchClusterException(string message) : Exception(message);
