using Quorum.Indicators.Statistics;
using Quorum.Indicators.Volume;

namespace Quorum.Indicators;

public static partial class IndicatorRegistry
{
    static partial void RegisterVolume(Action<string, string, Func<IndicatorSpec, IIndicator>> add)
    {
        add("obv", "obv", s =>
        {
            _ = s.AtMost(0);
            return new OnBalanceVolume();
        });
        add("vwap", "vwap:PERIOD[:SOURCE=typical]", s => new Vwap(s.AtMost(2).Int(0, "period"), SpecParameters.Source(s, 1, PriceSource.Typical)));
        add(
            "vwap_session",
            "vwap_session[:HOURS=24[:OFFSET_HOURS=0]]",
            s => new SessionVwap(TimeSpan.FromHours(s.AtMost(2).Int(0, "hours", 24)), TimeSpan.FromHours(s.Int(1, "offset hours", 0))));
    }
}
