namespace Quorum.Indicators.Volatility;

/// <summary>Where the true-range series starts: the first bar has no previous close.</summary>
public enum TrueRangeStart
{
    /// <summary>
    /// TA-Lib's convention (and LEAN's <c>spy_tr.txt</c>, <c>spy_atr.txt</c>, <c>spy_natr.txt</c>): the first
    /// true range is the second bar's, so an average of <c>period</c> true ranges first exists at bar
    /// <c>period + 1</c>.
    /// </summary>
    SecondBar,

    /// <summary>
    /// LEAN's and TradingView's convention (<c>spy_atr_wilder.txt</c>, <c>spy_with_keltner.csv</c>): the
    /// first bar's true range is its high − low, so an average of <c>period</c> true ranges first exists
    /// at bar <c>period</c>.
    /// </summary>
    FirstBar,
}
