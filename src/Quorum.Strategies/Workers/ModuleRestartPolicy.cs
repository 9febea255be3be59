namespace Quorum.Strategies.Workers;

/// <summary>
/// When a failed module is restarted: after <see cref="InitialDelay"/> for its first consecutive failure, doubling with
/// each further consecutive failure up to <see cref="MaxDelay"/> (exponential backoff); a bar processed without an
/// exception ends the run of failures.
/// </summary>
public sealed record ModuleRestartPolicy
{
    public ModuleRestartPolicy(TimeSpan initialDelay, TimeSpan maxDelay)
    {
        if (initialDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initialDelay), initialDelay, $"restart initial delay {initialDelay} must be positive");
        }

        if (maxDelay < initialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, $"restart max delay {maxDelay} must be at least the initial delay {initialDelay}");
        }

        InitialDelay = initialDelay;
        MaxDelay = maxDelay;
    }

    /// <summary>1 s, doubling up to 5 min: the workers' default in paper/live.</summary>
    public static ModuleRestartPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    public TimeSpan InitialDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>The delay before the restart after the <paramref name="consecutiveFailures"/>-th failure in a row (≥ 1): initial × 2^(n − 1), at most max.</summary>
    public TimeSpan DelayAfter(int consecutiveFailures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);
        var delay = InitialDelay;
        for (var i = 1; i < consecutiveFailures && delay < MaxDelay; i++)
        {
            delay = delay > MaxDelay / 2 ? MaxDelay : delay * 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }
}
