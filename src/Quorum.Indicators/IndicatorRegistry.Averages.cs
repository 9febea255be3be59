using Quorum.Indicators.Averages;

namespace Quorum.Indicators;

public static partial class IndicatorRegistry
{
    // "ema" is registered in IndicatorRegistry.cs.
    static partial void RegisterAverages(Action<string, string, Func<IndicatorSpec, IIndicator>> add)
    {
        add("sma", "sma:PERIOD", s => new Sma(s.AtMost(1).Int(0, "period")));
        add("wma", "wma:PERIOD", s => new Wma(s.AtMost(1).Int(0, "period")));
        add("rma", "rma:PERIOD", s => new Rma(s.AtMost(1).Int(0, "period")));
    }
}
