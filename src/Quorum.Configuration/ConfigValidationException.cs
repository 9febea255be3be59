namespace Quorum.Configuration;

/// <summary>
/// Thrown when configuration (files or environment) is invalid. Holds every problem found, not
/// just the first; the message lists them one per line, e.g.
/// <c>governance.yaml: max_daily_loss_pct = 25 is out of range (0 &lt; x ≤ 10)</c>.
/// </summary>
public sealed class ConfigValidationException : Exception
{
    public ConfigValidationException()
        : this(Array.Empty<ConfigError>())
    {
    }

    public ConfigValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ConfigValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public ConfigValidationException(IEnumerable<ConfigError> errors)
        : this(errors.ToArray())
    {
    }

    private ConfigValidationException(ConfigError[] errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in file order, then document order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string Format(IReadOnlyCollection<ConfigError> errors) =>
        errors.Count == 0 ? "configuration is invalid" : string.Join('\n', errors.Select(e => e.ToString()));
}
