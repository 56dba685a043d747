namespace DbArchitect.Cli;

/// <summary>SPEC §4's exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int FindingsAtOrAboveThreshold = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int ValidationFailed = 4;
}
