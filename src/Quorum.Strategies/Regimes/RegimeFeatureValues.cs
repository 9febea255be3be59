namespace Quorum.Strategies.Regimes;

/// <summary>
/// The features of one bar that regime labels are computed from (<see cref="RegimeFeatures"/>).
/// </summary>
/// <param name="Adx">Wilder's ADX, 0–100.</param>
/// <param name="EmaSlope">Least-squares slope of the long EMA over the slope window, as a fraction of the newest EMA per bar (0.001 = 0.1 % a bar).</param>
/// <param name="AtrPercent">ATR as a percentage of the close (NATR).</param>
/// <param name="AtrPercentThreshold">The volatility quantile of ATR% over the percentile window (the current bar included).</param>
/// <param name="HistoricalVolatility">Annualized historical volatility of the closes.</param>
/// <param name="HistoricalVolatilityThreshold">The volatility quantile of HV over the percentile window (the current bar included).</param>
/// <param name="Drawdown">1 − close / highest close of the crash window (0 at a new high, 0.1 = 10 % below it).</param>
/// <param name="RangeToAtr">The bar's true range divided by the ATR before the bar.</param>
/// <param name="ClosedDown">True when the bar closed below the previous close.</param>
public readonly record struct RegimeFeatureValues(
    double Adx,
    double EmaSlope,
    double AtrPercent,
    double AtrPercentThreshold,
    double HistoricalVolatility,
    double HistoricalVolatilityThreshold,
    double Drawdown,
    double RangeToAtr,
    bool ClosedDown);
