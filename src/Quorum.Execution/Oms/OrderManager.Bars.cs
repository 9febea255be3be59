using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;
using Quorum.Indicators;
using Quorum.Indicators.Volatility;

namespace Quorum.Execution.Oms;

/// <summary>Bars (trails, break-even, time stops, post-only retries) and funding.</summary>
public sealed partial class OrderManager
{
    /// <summary>
    /// A closed bar. On the symbol's management timeframe (<see cref="OmsOptions.ManagementTimeframe"/>,
    /// else the first timeframe seen for the symbol) it updates the ATR, retries post-only entries
    /// waiting for a bar, and for each active trade — counting only bars that open at or after its
    /// first entry fill — updates the favourable extreme, applies the break-even move, the trail and
    /// the bar time stop. Then checks timeouts.
    /// </summary>
    public void OnBar(Symbol symbol, Timeframe timeframe, in Bar bar)
    {
        if (!_managementTimeframes.TryGetValue(symbol, out var management))
        {
            management = _options.ManagementTimeframe ?? timeframe;
            _managementTimeframes.Add(symbol, management);
        }

        if (timeframe != management)
        {
            return;
        }

        _lastClose[symbol] = bar.Close;
        if (_options.TrackAtr)
        {
            if (!_atrs.TryGetValue(symbol, out var atr))
            {
                atr = new Atr(_options.AtrPeriod);
                _atrs.Add(symbol, atr);
            }

            atr.Update(OhlcvPoint.From(bar));
        }

        if (_openBySymbol.TryGetValue(symbol, out var open) && open.Count > 0)
        {
            for (var i = 0; i < open.Count; i++)
            {
                Manage(open[i], bar);
            }

            CheckTimeouts();
        }
        else if (_awaitingAck.Count > 0)
        {
            CheckTimeouts();
        }
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

    private void Manage(Trade trade, in Bar bar)
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

        if (trade.Status == TradeStatus.Pending)
        {
            if (trade.EntryWaitsForBar)
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

        if (trade.EntryWaitsForBar)
        {
            trade.EntryWaitsForBar = false;
            MarkDirty(trade);
        }

        trade.BarsHeld++;
        var sign = trade.Side.Sign();
        var extreme = trade.ExtremePrice ?? bar.Close;
        trade.ExtremePrice = sign > 0 ? Math.Max(extreme, bar.High) : Math.Min(extreme, bar.Low);
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
                ready = _atrs.TryGetValue(trade.Symbol, out var indicator) && indicator.IsReady && indicator.Value > 0.0;
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
}
