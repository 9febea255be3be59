namespace Quorum.Cli;

/// <summary>Exit codes of the <c>quorum</c> command (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success (for <c>data check</c>: no issues found).</summary>
    public const int Ok = 0;

    /// <summary>Runtime failure, or <c>data check</c> found issues in the data.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unknown option or value, malformed file, invalid configuration.</summary>
    public const int BadInput = 2;
}
