using Quorum.Indicators.Statistics;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators;

public static partial class IndicatorRegistry
{
    static partial void RegisterVolatility(Action<string, string, Func<IndicatorSpec, IIndicator>> add)
    {
        add("tr", "tr", s =>
        {
            _ = s.AtMost(0);
            return new TrueRange();
        });
        add("atr", "atr:PERIOD", s => new Atr(s.AtMost(1).Int(0, "period")));
        add("atr_sma", "atr_sma:PERIOD", s => new Atr(s.AtMost(1).Int(0, "period"), AtrSmoothing.Simple));
        add("natr", "natr:PERIOD", s => new Natr(s.AtMost(1).Int(0, "period")));
        add("adx", "adx:PERIOD", s => new Adx(s.AtMost(1).Int(0, "period")));
        add("bb", "bb:PERIOD[:MULTIPLIER=2]", s => new BollingerBands(s.AtMost(2).Int(0, "period"), s.Real(1, "multiplier", 2)));
        add("donchian", "donchian:PERIOD", s => new DonchianChannel(s.AtMost(1).Int(0, "period")));
        add("keltner", "keltner:PERIOD[:MULTIPLIER=2]", s => new KeltnerChannel(s.AtMost(2).Int(0, "period"), s.Real(1, "multiplier", 2)));
        add("hv", "hv:PERIOD:TIMEFRAME", s => new HistoricalVolatility(s.AtMost(2).Int(0, "period"), SpecParameters.Timeframe(s, 1, "timeframe")));
        add("slope", "slope:PERIOD[:SOURCE=close]", s => new LinearRegressionSlope(s.AtMost(2).Int(0, "period"), false, SpecParameters.Source(s, 1, PriceSource.Close)));
        add("slope_norm", "slope_norm:PERIOD[:SOURCE=close]", s => new LinearRegressionSlope(s.AtMost(2).Int(0, "period"), true, SpecParameters.Source(s, 1, PriceSource.Close)));
        add("max", "max:PERIOD[:SOURCE=close]", s => new RollingMaximum(s.AtMost(2).Int(0, "period"), SpecParameters.Source(s, 1, PriceSource.Close)));
        add("min", "min:PERIOD[:SOURCE=close]", s => new RollingMinimum(s.AtMost(2).Int(0, "period"), SpecParameters.Source(s, 1, PriceSource.Close)));
    }
}
