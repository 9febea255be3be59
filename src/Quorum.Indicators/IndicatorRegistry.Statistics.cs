using Quorum.Indicators.Statistics;

namespace Quorum.Indicators;

public static partial class IndicatorRegistry
{
    static partial void RegisterStatistics(Action<string, string, Func<IndicatorSpec, IIndicator>> add)
    {
        add("quantile", "quantile:PERIOD:Q[:SOURCE=close]", s => new RollingQuantile(s.AtMost(3).Int(0, "period"), s.Real(1, "q"), SpecParameters.Source(s, 2, PriceSource.Close)));
        add("zscore", "zscore:PERIOD[:SOURCE=close]", s => new RollingZScore(s.AtMost(2).Int(0, "period"), SpecParameters.Source(s, 1, PriceSource.Close)));
        add("var", "var:PERIOD[:SOURCE=close]", s => new RollingVariance(s.AtMost(2).Int(0, "period"), SpecParameters.Source(s, 1, PriceSource.Close)));
        add("stddev", "stddev:PERIOD[:SOURCE=close]", s => new RollingStandardDeviation(s.AtMost(2).Int(0, "period"), SpecParameters.Source(s, 1, PriceSource.Close)));
        add("logr", "logr:PERIOD[:SOURCE=close]", s => new LogReturn(s.AtMost(2).Int(0, "period"), SpecParameters.Source(s, 1, PriceSource.Close)));
    }
}
