namespace DbArchitect.Postgres.Explain;

/// <summary>The statement is not one the EXPLAIN runner will plan or run; the message says why, in one line.</summary>
public sealed class ExplainRefusedException(string message) : Exception(message);
