namespace Quorum.Indicators.PriceAction;

/// <summary>
/// An inside bar at <paramref name="Index"/>: its range lies within the previous (mother) bar's range,
/// whose index, high and low are given for breakout rules.
/// </summary>
public readonly record struct InsideBar(long Index, long TimeMs, long MotherIndex, double MotherHigh, double MotherLow);
