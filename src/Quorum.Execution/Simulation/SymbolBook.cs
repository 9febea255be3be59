using Quorum.Core.Instruments;

namespace Quorum.Execution.Simulation;

/// <summary>Per-symbol state: the instrument, the working orders in submission order, the last price and the perpetual position.</summary>
internal sealed class SymbolBook(Instrument instrument, FeeRates fees)
{
    public Instrument Instrument { get; } = instrument;

    public Symbol Symbol { get; } = instrument.Symbol;

    public FeeRates Fees { get; } = fees;

    public bool IsPerpetual => Symbol.IsPerpetual;

    /// <summary>Orders in submission order; terminal ones are removed after each Match bar.</summary>
    public List<WorkingOrder> Orders { get; } = [];

    /// <summary>How many orders in <see cref="Orders"/> are not terminal.</summary>
    public int WorkingCount { get; set; }

    public decimal LastClose { get; set; }

    public bool HasPrice { get; set; }

    /// <summary>Open time of the last Match bar (bars must not go back in time).</summary>
    public long LastMatchOpenMs { get; set; } = long.MinValue;

    /// <summary>Signed perpetual position (base units; + long, − short).</summary>
    public decimal PositionQuantity { get; set; }

    public decimal EntryPrice { get; set; }

    /// <summary>Isolated margin held by the position (quote asset).</summary>
    public decimal IsolatedMargin { get; set; }

    public int Leverage { get; set; } = 1;

    /// <summary>Cumulative realized PnL on this symbol (quote asset, before fees).</summary>
    public decimal RealizedPnl { get; set; }

    /// <summary>Cumulative fees on this symbol (quote asset).</summary>
    public decimal FeesPaid { get; set; }

    /// <summary>Price at which the position is liquidated; 0 when it cannot be (flat, or a long at 1×).</summary>
    public decimal LiquidationPrice { get; set; }
}
