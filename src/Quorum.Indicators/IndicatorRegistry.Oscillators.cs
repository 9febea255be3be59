using Quorum.Indicators.Oscillators;

namespace Quorum.Indicators;

public static partial class IndicatorRegistry
{
    static partial void RegisterOscillators(Action<string, string, Func<IndicatorSpec, IIndicator>> add)
    {
        add("rsi", "rsi:PERIOD", s => new Rsi(s.AtMost(1).Int(0, "period")));
        add("cutler_rsi", "cutler_rsi:PERIOD", s => new CutlerRsi(s.AtMost(1).Int(0, "period")));
        add("macd", "macd[:FAST:SLOW:SIGNAL] (default 12:26:9)", s =>
        {
            s.AtMost(3);
            return new Macd(s.Int(0, "fast period", 12), s.Int(1, "slow period", 26), s.Int(2, "signal period", 9));
        });
        add("stoch", "stoch[:PERIOD:K_SMOOTHING:D_PERIOD] (default 14:3:3)", s =>
        {
            s.AtMost(3);
            return new Stochastic(s.Int(0, "period", 14), s.Int(1, "k smoothing", 3), s.Int(2, "d period", 3));
        });
        add("cci", "cci:PERIOD", s => new Cci(s.AtMost(1).Int(0, "period")));
        add("willr", "willr:PERIOD", s => new WilliamsR(s.AtMost(1).Int(0, "period")));
    }
}
