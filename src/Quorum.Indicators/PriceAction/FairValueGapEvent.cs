namespace Quorum.Indicators.PriceAction;

/// <summary>An event of <paramref name="Gap"/> (its state just after the event) at bar <paramref name="Index"/>.</summary>
public readonly record struct FairValueGapEvent(FairValueGapEventKind Kind, FairValueGap Gap, long Index, long TimeMs);
