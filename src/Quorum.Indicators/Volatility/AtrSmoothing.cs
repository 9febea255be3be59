namespace Quorum.Indicators.Volatility;

/// <summary>How <see cref="Atr"/> averages true ranges.</summary>
public enum AtrSmoothing
{
    /// <summary>
    /// Wilder's smoothing (TA-Lib's ATR): the first value is the simple mean of the first
    /// <c>period</c> true ranges, then ATR = (ATR·(period − 1) + TR) / period. Registry name <c>atr</c>.
    /// </summary>
    Wilder,

    /// <summary>Simple moving average of the last <c>period</c> true ranges. Registry name <c>atr_sma</c>.</summary>
    Simple,
}
