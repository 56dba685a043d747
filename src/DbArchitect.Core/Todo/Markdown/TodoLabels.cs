namespace DbArchitect.Core.Todo.Markdown;

/// <summary>The headings and field labels of the TODO file, shared by the renderer and the parser.</summary>
internal static class TodoLabels
{
    public const string Title = "TODO — Database Architect";

    public const string Context = "Context";
    public const string Plan = "Database Plan";
    public const string Items = "Database Items";
    public const string CodeChanges = "Proposed Code Changes";
    public const string Commands = "Commands";
    public const string Quality = "Quality Assurance Task Checklist";

    public const string Engine = "Engine";
    public const string Version = "Version";
    public const string Source = "Source";
    public const string Generator = "Generator";
    public const string SchemaOverview = "Schema Overview";
    public const string DataDictionary = "Data Dictionary";
    public const string EstimatedRows = "Estimated Rows";
    public const string Size = "Size";
    public const string Columns = "Columns";
    public const string Comment = "Comment";
    public const string PainPoints = "Pain Points";
    public const string Volumes = "Data Volumes";
    public const string Workload = "Query Workload";

    public const string TablesAffected = "Tables Affected";
    public const string MigrationStrategy = "Migration Strategy";
    public const string RollbackPlan = "Rollback Plan";
    public const string PerformanceImpact = "Performance Impact";
    public const string ItemIds = "Items";
    public const string Key = "Key";

    public const string Type = "Type";
    public const string Severity = "Severity";
    public const string FindingKey = "Finding Key";
    public const string Evidence = "Evidence";
    public const string Creates = "Creates";
    public const string References = "References";
    public const string AlsoCovers = "Also Covers";
    public const string Sql = "DDL/DML";
    public const string Rollback = "Rollback";
    public const string Rationale = "Rationale";
    public const string Testing = "Testing";
    public const string Resolution = "Resolution";

    public const string Path = "Path";

    /// <summary>Where items not listed by any plan entry are shown.</summary>
    public const string Unplanned = "Not in the plan";

    /// <summary>Separates a QA check's text from the evidence a tool saw.</summary>
    public const string EvidenceSeparator = " — ";

    public const string NoneRecorded = "None recorded.";
}
