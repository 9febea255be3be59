using Quorum.Core.Instruments;

namespace Quorum.Research.Backtest;

/// <summary>
/// What a <see cref="IPlanSizer"/> knows when it sizes a signal: the instrument, the account's equity
/// and the cash free to back a new position (quote asset), the reference entry price (the signal bar's
/// close), the symbol's ATR(14) on the strategy timeframe (NaN while it warms up) and how many symbols the run trades.
/// </summary>
public readonly record struct SizingContext(Instrument Instrument, decimal Equity, decimal AvailableCash, decimal ReferencePrice, double Atr, int SymbolCount = 1);
