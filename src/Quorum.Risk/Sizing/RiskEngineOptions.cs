namespace Quorum.Risk.Sizing;

/// <summary>
/// Settings of the <see cref="RiskEngine"/> that governance.yaml does not fix (the limits themselves always come from
/// <see cref="Configuration.GovernanceConfig"/>).
/// </summary>
public sealed record RiskEngineOptions
{
    /// <summary>Stop distance in ATRs when the signal's <see cref="Core.Trading.ExitSpec"/> names no stop. Default 2 (seed 001's breakout stop).</summary>
    public decimal DefaultStopAtrMultiple { get; init; } = 2m;

    /// <summary>The default options.</summary>
    public static RiskEngineOptions Default { get; } = new();

    internal void Validate()
    {
        if (DefaultStopAtrMultiple is <= 0m or > 50m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(DefaultStopAtrMultiple), DefaultStopAtrMultiple, $"risk engine option DefaultStopAtrMultiple = {DefaultStopAtrMultiple} is out of range (0 < x ≤ 50)");
        }
    }
}
