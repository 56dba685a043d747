namespace DbArchitect.Core.Migrations;

/// <summary>One direction of a migration: its SQL and where it sits, so that findings name a file and line.</summary>
/// <param name="Path">The file, relative to the repository or folder given.</param>
/// <param name="FirstLine">The file's line (1-based) the SQL starts on: a section of a dbmate or goose file starts below its marker.</param>
/// <param name="Sql">The text as written.</param>
public sealed record MigrationScript(string Path, int FirstLine, string Sql);
