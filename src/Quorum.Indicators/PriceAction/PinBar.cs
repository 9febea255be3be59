namespace Quorum.Indicators.PriceAction;

/// <summary>
/// A pin bar at bar <paramref name="Index"/>: a long wick (the nose) on one side, a small body and a small
/// opposite wick. <see cref="Bias.Bullish"/> = long lower wick (rejection of lower prices, hammer-like),
/// <see cref="Bias.Bearish"/> = long upper wick (shooting-star-like).
/// </summary>
/// <param name="Index">Bar index.</param>
/// <param name="TimeMs">Bar open time.</param>
/// <param name="Bias">Bullish for a long lower wick, bearish for a long upper wick.</param>
/// <param name="High">Bar high.</param>
/// <param name="Low">Bar low.</param>
/// <param name="Nose">Length of the long wick.</param>
/// <param name="Body">|close − open|.</param>
/// <param name="OppositeWick">Length of the wick on the other side.</param>
public readonly record struct PinBar(long Index, long TimeMs, Bias Bias, double High, double Low, double Nose, double Body, double OppositeWick);
