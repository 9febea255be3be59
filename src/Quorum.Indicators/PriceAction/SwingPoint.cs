namespace Quorum.Indicators.PriceAction;

/// <summary>
/// A confirmed pivot: bar <paramref name="Index"/> (0-based, in the order bars were fed) whose
/// <paramref name="Price"/> is an extreme of its neighbourhood. It becomes known only when its right
/// bars have closed, at bar <paramref name="ConfirmedAtIndex"/> = <paramref name="Index"/> + right bars.
/// </summary>
/// <param name="Index">Bar index of the pivot.</param>
/// <param name="TimeMs">Open time of the pivot bar.</param>
/// <param name="Price">The pivot bar's high (for <see cref="SwingKind.High"/>) or low.</param>
/// <param name="Kind">High or low.</param>
/// <param name="ConfirmedAtIndex">Index of the bar whose close confirmed the pivot (the earliest bar at which it may be used).</param>
/// <param name="ConfirmedAtTimeMs">Open time of that bar.</param>
public readonly record struct SwingPoint(long Index, long TimeMs, double Price, SwingKind Kind, long ConfirmedAtIndex, long ConfirmedAtTimeMs);
