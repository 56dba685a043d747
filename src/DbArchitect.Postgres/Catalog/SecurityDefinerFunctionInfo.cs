namespace DbArchitect.Postgres.Catalog;

/// <summary>A SECURITY DEFINER function or procedure in a user schema: it runs with its owner's rights.</summary>
public sealed record SecurityDefinerFunctionInfo
{
    public required string Schema { get; init; }
    public required string Name { get; init; }

    /// <summary>Identity argument list as pg_get_function_identity_arguments prints it, e.g. <c>tenant integer</c>.</summary>
    public required string Arguments { get; init; }
    public required string Owner { get; init; }

    /// <summary>The routine as regprocedure prints it, argument types only, e.g. <c>app.touch(integer)</c>: what ::regprocedure and has_function_privilege accept.</summary>
    public required string Procedure { get; init; }

    /// <summary>PUBLIC may execute it (also the default when no privileges were ever granted or revoked).</summary>
    public bool PublicExecute { get; init; }

    /// <summary>The function's own settings (proconfig) fix search_path, so callers cannot steer its name lookups.</summary>
    public bool PinnedSearchPath { get; init; }

    /// <summary>Schema-qualified call signature for ALTER/GRANT ... ROUTINE, e.g. <c>app.touch(tenant integer)</c>.</summary>
    public string Signature => $"{SqlIdentifier.Qualify(Schema, Name)}({Arguments})";
}
