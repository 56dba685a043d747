using System.Text.Json;

namespace DbArchitect.Postgres.Migrations;

/// <summary>A statement of a script as the parser gave it: type and node, its text and the char offset it starts at in the script.</summary>
public sealed record ParsedStatement(string Type, JsonElement Node, string Text, int Offset);
