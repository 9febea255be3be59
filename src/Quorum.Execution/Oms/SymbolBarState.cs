using Quorum.Core.Time;
using Quorum.Indicators.Volatility;

namespace Quorum.Execution.Oms;

/// <summary>
/// What the OMS keeps per symbol from the bars it is fed, in one object so a bar costs one lookup: the management
/// timeframe (fixed at the first bar), the last close, the symbol's open trades (the list <see cref="OrderManager"/>
/// makes at the first trade) and an ATR per timeframe seen (a symbol has a handful of timeframes: a short array scan).
/// </summary>
internal sealed class SymbolBarState(Timeframe management)
{
    private Timeframe[] _atrTimeframes = [];
    private Atr[] _atrs = [];

    public Timeframe Management { get; } = management;

    public decimal LastClose { get; set; }

    public bool HasClose { get; set; }

    public List<Trade>? Open { get; set; }

    /// <summary>The ATR of <paramref name="timeframe"/>, made with <paramref name="period"/> at its first bar.</summary>
    public Atr AtrOf(Timeframe timeframe, int period)
    {
        var timeframes = _atrTimeframes;
        for (var i = 0; i < timeframes.Length; i++)
        {
            if (timeframes[i] == timeframe)
            {
                return _atrs[i];
            }
        }

        var atr = new Atr(period);
        _atrTimeframes = [.. timeframes, timeframe];
        _atrs = [.. _atrs, atr];
        return atr;
    }

    /// <summary>The ATR of <paramref name="timeframe"/>, or null before its first bar.</summary>
    public Atr? FindAtr(Timeframe timeframe)
    {
        var index = Array.IndexOf(_atrTimeframes, timeframe);
        return index >= 0 ? _atrs[index] : null;
    }
}
