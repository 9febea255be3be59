namespace Quorum.Research.Statistics;

/// <summary>Sums and extremes over a list of trades, in one pass, in list order (decimal sums are order-exact).</summary>
internal readonly record struct TradeFigures(
    int Wins,
    int Losses,
    decimal NetPnl,
    decimal GrossProfit,
    decimal GrossLoss,
    decimal Fees,
    decimal Funding,
    decimal? Best,
    decimal? Worst,
    int RiskedTrades,
    decimal RiskSum,
    decimal NetPnlOfRiskedTrades,
    decimal RSum,
    long DurationSum)
{
    public static TradeFigures Of(IReadOnlyList<TradeSummary> trades)
    {
        var f = default(TradeFigures);
        foreach (var trade in trades)
        {
            var net = trade.NetPnl;
            f = f with
            {
                Wins = f.Wins + (net > 0m ? 1 : 0),
                Losses = f.Losses + (net < 0m ? 1 : 0),
                NetPnl = f.NetPnl + net,
                GrossProfit = f.GrossProfit + (net > 0m ? net : 0m),
                GrossLoss = f.GrossLoss + (net < 0m ? -net : 0m),
                Fees = f.Fees + trade.Fees,
                Funding = f.Funding + trade.Funding,
                Best = f.Best is { } best && best >= net ? best : net,
                Worst = f.Worst is { } worst && worst <= net ? worst : net,
                DurationSum = f.DurationSum + trade.DurationMs,
            };
            if (trade.InitialRisk is { } risk)
            {
                f = f with
                {
                    RiskedTrades = f.RiskedTrades + 1,
                    RiskSum = f.RiskSum + risk,
                    NetPnlOfRiskedTrades = f.NetPnlOfRiskedTrades + net,
                    RSum = f.RSum + (net / risk),
                };
            }
        }

        return f;
    }
}
