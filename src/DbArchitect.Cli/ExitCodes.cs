namespace DbArchitect.Cli;

/// <summary>SPEC §4's exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int FindingsAtOrAboveThreshold = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int ValidationFailed = 4;

    /// <summary>Ctrl+C ended the run (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>The table printed under <c>--help</c>.</summary>
    public const string Table = "Exit codes: 0 ok; 1 findings at or above --fail-on; 2 usage; 3 cannot reach or read a database, repository, file or model; 4 output failed validation or an internal error; 130 cancelled.";
}
