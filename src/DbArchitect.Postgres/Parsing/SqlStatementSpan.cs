namespace DbArchitect.Postgres.Parsing;

/// <summary>One statement of a script, where it stands in the script's text.</summary>
/// <param name="Text">The statement as written, without its terminating semicolon.</param>
/// <param name="Start">Offset into the script (chars, not bytes).</param>
/// <param name="Length">Length in chars.</param>
public sealed record SqlStatementSpan(string Text, int Start, int Length);
