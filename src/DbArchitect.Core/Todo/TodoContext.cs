namespace DbArchitect.Core.Todo;

/// <summary>The role definition's Context section: engine, schema overview, pain points, volumes, workload.</summary>
public sealed record TodoContext
{
    /// <summary>e.g. "PostgreSQL".</summary>
    public required string Engine { get; init; }

    /// <summary>Server version as reported by the server, e.g. "15.18".</summary>
    public required string EngineVersion { get; init; }

    /// <summary>What was analysed, without secrets, e.g. "database shop on 127.0.0.1:5432".</summary>
    public required string Source { get; init; }

    /// <summary>Who produced the plan: "deterministic planner" or the model's name, plus prompt hash.</summary>
    public required string Generator { get; init; }

    /// <summary>Short prose overview of the schema.</summary>
    public string SchemaOverview { get; init; } = "";

    /// <summary>Mermaid <c>erDiagram</c> source (without the fence).</summary>
    public string ErDiagram { get; init; } = "";

    public IReadOnlyList<DataDictionaryEntry> DataDictionary { get; init; } = [];
    public IReadOnlyList<string> PainPoints { get; init; } = [];
    public IReadOnlyList<string> Volumes { get; init; } = [];
    public IReadOnlyList<string> Workload { get; init; } = [];
}

/// <summary>One table in the data dictionary.</summary>
public sealed record DataDictionaryEntry
{
    /// <summary>Schema-qualified table name.</summary>
    public required string Table { get; init; }
    public required long EstimatedRows { get; init; }
    public required string Size { get; init; }

    /// <summary>Columns as "name type [NOT NULL] [PK] [FK → table]".</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];
    public string Comment { get; init; } = "";
}
