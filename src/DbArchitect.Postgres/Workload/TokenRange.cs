namespace DbArchitect.Postgres.Workload;

/// <summary>Tokens <paramref name="First"/> to <paramref name="Last"/> of a <see cref="Parsing.ScannedSql"/>, both included.</summary>
internal readonly record struct TokenRange(int First, int Last);
