using Quorum.Core;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Oms;

/// <summary>Bars (trails, break-even, time stops, post-only retries) and funding.</summary>
public sealed partial class OrderManager
{
    /// <summary>
    /// A closed bar. Every bar records the symbol's last close and updates the ATR of its symbol × timeframe. On the
    /// symbol's management timeframe (<see cref="OmsOptions.ManagementTimeframe"/>, else the first timeframe seen for
    /// the symbol) it releases legs held for a bar and retries post-only entries waiting for one, then checks timeouts.
    /// For each active trade, on the trade's own management timeframe (<see cref="TradeEntry.ManagementTimeframe"/>,
    /// else the symbol's) — counting only bars that open at or after its first entry fill — it updates the favourable
    /// extreme, applies the break-even move, the trail (an ATR trail uses the ATR of that timeframe) and the bar time stop.
    /// </summary>
    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
    {
        var state = BarState(symbol, timeframe);
        var management = state.Management;
        state.LastClose = bar.Close;
        state.HasClose = true;
        if (_options.TrackAtr)
        {
            state.AtrOf(timeframe, _options.AtrPeriod).Update((double)bar.High, (double)bar.Low, (double)bar.Close);
        }

        var housekeeping = timeframe == management;
        var managed = false;
        var open = state.Open ??= _openBySymbol.GetValueOrDefault(symbol); // the list, once made, lives as long as the manager
        if (open is { Count: > 0 })
        {
            for (var i = 0; i < open.Count; i++)
            {
                var trade = open[i];
                var own = (trade.ManagementTimeframe ?? management) == timeframe;
                if (housekeeping || own)
                {
                    Manage(trade, bar, housekeeping, own);
                    managed |= own;
                }
            }
        }

        if (managed || (housekeeping && (open is { Count: > 0 } || _awaitingAck.Count > 0)))
        {
            CheckTimeouts();
        }
    }

    /// <summary>
    /// Pending and active trades of <paramref name="symbol"/>, in creation order: a live view, not a copy (closing a trade
    /// while enumerating it is a bug — use <see cref="OpenTrades"/>, a snapshot, for that).
    /// </summary>
    public IReadOnlyList<Trade> OpenTradesOf(Symbol symbol) => _openBySymbol.TryGetValue(symbol, out var open) ? open : [];

    /// <summary>Pending and active trades, in creation order: a live view of <see cref="OpenTrades"/> without its copy.</summary>
    public IReadOnlyList<Trade> OpenTradesView => _open;

    /// <summary>
    /// The OMS's ATR(<see cref="OmsOptions.AtrPeriod"/>) of <paramref name="symbol"/> × <paramref name="timeframe"/> over the
    /// bars it has seen; NaN while it warms up, when <see cref="OmsOptions.TrackAtr"/> is off, or before the first bar.
    /// </summary>
    public double AtrValue(Symbol symbol, Timeframe timeframe) =>
        _barStates.Find(symbol)?.FindAtr(timeframe) is { IsReady: true } atr ? atr.Value : double.NaN;

    /// <summary>The last close seen for <paramref name="symbol"/>.</summary>
    private bool TryGetLastClose(Symbol symbol, out decimal close)
    {
        var state = _barStates.Find(symbol);
        close = state is { HasClose: true } ? state.LastClose : 0m;
        return state is { HasClose: true };
    }

    /// <summary>The per-bar state of <paramref name="symbol"/>, made at its first bar.</summary>
    private SymbolBarState BarState(Symbol symbol, Timeframe firstTimeframe)
    {
        if (_barStates.Find(symbol) is not { } state)
        {
            state = new SymbolBarState(_options.ManagementTimeframe ?? firstTimeframe);
            _barStates.Set(symbol, state);
        }

        return state;
    }

    /// <summary>Attributes funding to the symbol's active trades in proportion to their open quantity (the last one takes the rounding rest); with none open it is <see cref="UnattributedFunding"/>.</summary>
    public void OnFunding(FundingPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        Trade? last = null;
        var total = 0m;
        if (_openBySymbol.TryGetValue(payment.Symbol, out var open))
        {
            foreach (var trade in open)
            {
                if (trade.Status == TradeStatus.Active && trade.OpenQuantity > 0m)
                {
                    total += trade.OpenQuantity;
                    last = trade;
                }
            }
        }

        if (last is null)
        {
            UnattributedFunding += payment.Amount;
            return;
        }

        var given = 0m;
        foreach (var trade in open!)
        {
            if (trade.Status != TradeStatus.Active || trade.OpenQuantity <= 0m)
            {
                continue;
            }

            var share = ReferenceEquals(trade, last) ? payment.Amount - given : payment.Amount * trade.OpenQuantity / total;
            given += share;
            trade.AddFunding(share);
        }
    }

    /// <summary>
    /// <paramref name="housekeeping"/>: a bar of the symbol's management timeframe (release held legs, retry waiting
    /// entries); <paramref name="managing"/>: a bar of the trade's own management timeframe (extreme, break-even, trail,
    /// time stop). Both are true for a trade managed on the symbol's timeframe.
    /// </summary>
    private void Manage(Trade trade, in Bar bar, bool housekeeping, bool managing)
    {
        if (housekeeping)
        {
            ReleaseHeldLegs(trade);
        }

        if (trade.Status == TradeStatus.Pending)
        {
            if (housekeeping && trade.EntryWaitsForBar)
            {
                trade.EntryWaitsForBar = false;
                MarkDirty(trade);
            }

            return;
        }

        if (trade.Status != TradeStatus.Active || trade.Closing || bar.OpenTimeMs < trade.OpenedAtMs)
        {
            return;
        }

        if (housekeeping && trade.EntryWaitsForBar)
        {
            trade.EntryWaitsForBar = false;
            MarkDirty(trade);
        }

        if (!managing)
        {
            return;
        }

        trade.BarsHeld++;
        var sign = trade.Side.Sign();
        var extreme = trade.ExtremePrice ?? bar.Close;
        trade.ExtremePrice = sign > 0 ? FastDecimal.Max(extreme, bar.High) : FastDecimal.Min(extreme, bar.Low);
        var instrument = trade.Instrument;

        if (!trade.BreakEvenDone && trade.BreakEvenAtR is { } r && trade.AverageEntryPrice is { } average && !trade.StopLeg.Disabled)
        {
            var trigger = average + (sign * r * trade.Plan.RiskPerUnit);
            if (sign > 0 ? bar.High >= trigger : bar.Low <= trigger)
            {
                trade.BreakEvenDone = true;
                var breakEven = instrument.RoundPrice(average, sign > 0 ? RoundingMode.Up : RoundingMode.Down);
                if (MoveStop(trade, breakEven, StopOrigin.BreakEven, bar.Close))
                {
                    MarkDirty(trade);
                }
            }
        }

        if (trade.Trail is { } trail && !trade.StopLeg.Disabled && TrailActive(trade))
        {
            decimal? atr = null;
            var ready = true;
            if (trail.Kind == TrailKind.Atr)
            {
                var state = _barStates.Find(trade.Symbol)!; // made at the symbol's first bar, before any trade could be active
                var indicator = state.FindAtr(trade.ManagementTimeframe ?? state.Management);
                ready = indicator is { IsReady: true, Value: > 0.0 };
                atr = ready ? (decimal)indicator!.Value : null;
            }

            if (ready)
            {
                var candidate = trail.StopPrice(trade.Side, trade.ExtremePrice.Value, atr);
                if (candidate > 0m && MoveStop(trade, ToTick(candidate, instrument.TickSize, roundUp: sign < 0), StopOrigin.Trail, bar.Close))
                {
                    MarkDirty(trade);
                }
            }
        }

        if (trade.StopEmulated && !trade.StopLeg.Disabled && (sign > 0 ? bar.Low <= trade.StopPrice : bar.High >= trade.StopPrice))
        {
            RequestClose(trade, StopReason(trade), $"emulated stop {trade.StopPrice} touched (bar {(sign > 0 ? "low" : "high")} {(sign > 0 ? bar.Low : bar.High)})");
            return;
        }

        if (trade.TimeStopBars is { } bars && trade.BarsHeld >= bars)
        {
            RequestClose(trade, TradeExitReason.TimeStop, $"time stop after {bars} bars");
        }
    }

    /// <summary>
    /// <paramref name="price"/> on the tick grid, down or up (what <c>Instrument.RoundPrice</c> does, without
    /// its per-call message string: this runs on every bar of every trailing trade).
    /// </summary>
    private static decimal ToTick(decimal price, decimal tick, bool roundUp)
    {
        var steps = price / tick;
        return (roundUp ? Math.Ceiling(steps) : Math.Floor(steps)) * tick;
    }

    private bool TrailActive(Trade trade)
    {
        if (!_options.TrailAfterFirstTakeProfit || trade.TakeProfitLegs.Count == 0)
        {
            return true;
        }

        foreach (var leg in trade.TakeProfitLegs)
        {
            if (leg.FilledQuantity > 0m)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves the stop to <paramref name="price"/> when that is in the trade's favour and still on the losing side of the last close; true when it moved.</summary>
    private static bool MoveStop(Trade trade, decimal price, StopOrigin origin, decimal close)
    {
        var sign = trade.Side.Sign();
        if (price <= 0m || sign * (price - trade.StopPrice) <= 0m || sign * (close - price) <= 0m)
        {
            return false;
        }

        trade.StopPrice = price;
        trade.StopLeg.Price = price;
        trade.StopOrigin = origin;
        return true;
    }

    private void ReleaseHeldLegs(Trade trade)
    {
        if (trade.StopLeg.HoldUntilBar)
        {
            trade.StopLeg.HoldUntilBar = false;
            MarkDirty(trade);
        }

        foreach (var leg in trade.TakeProfitLegs)
        {
            if (leg.HoldUntilBar)
            {
                leg.HoldUntilBar = false;
                MarkDirty(trade);
            }
        }
    }
}
