namespace Quorum.Configuration;

/// <summary>
/// <c>quorum.yaml: logging.level</c> and env <c>LOG_LEVEL</c> (names compared case-insensitively, so
/// the seed's <c>LOG_LEVEL=INFO</c> works).
/// </summary>
public enum LoggingLevel
{
    /// <summary><c>trace</c>.</summary>
    Trace,

    /// <summary><c>debug</c>.</summary>
    Debug,

    /// <summary><c>info</c> (default).</summary>
    Info,

    /// <summary><c>warning</c>.</summary>
    Warning,

    /// <summary><c>error</c>.</summary>
    Error,
}
