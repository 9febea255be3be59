namespace Quorum.Data.Synthetic;

/// <summary>A market-wide jump of the synthetic (not real) market.</summary>
/// <param name="TimeMs">Start of the internal sub-step in which the jump happened (UTC ms).</param>
/// <param name="BarIndex">Index of the bar that contains the jump.</param>
/// <param name="LogReturn">Log size for a symbol with beta 1 (negative for a crash).</param>
public readonly record struct SyntheticJump(long TimeMs, int BarIndex, double LogReturn);
