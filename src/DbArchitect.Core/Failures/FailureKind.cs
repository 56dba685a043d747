namespace DbArchitect.Core.Failures;

/// <summary>Expected ways a run can fail; each maps to one of SPEC §4's exit codes.</summary>
public enum FailureKind
{
    /// <summary>Bad command line or configuration (exit 2).</summary>
    Usage = 2,

    /// <summary>Cannot reach or read a database, repository or model (exit 3).</summary>
    Unreachable = 3,

    /// <summary>The produced document failed validation (exit 4).</summary>
    Validation = 4,
}
