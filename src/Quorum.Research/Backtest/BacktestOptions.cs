using Quorum.Configuration;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Synthetic;

namespace Quorum.Research.Backtest;

/// <summary>What to backtest and how. Defaults: <c>ema_cross</c> on the SYNTHETIC demo's SYNTH:BTCUSDT 1h, 10 000 USDT, 1 % risk per trade.</summary>
public sealed record BacktestOptions
{
    /// <summary>Default starting capital (quote asset).</summary>
    public const decimal DefaultCapital = 10_000m;

    /// <summary>Default risk per trade, percent of equity.</summary>
    public const decimal DefaultRiskPercent = 1m;

    /// <summary>Registry name of the strategy (the first of <see cref="Strategies"/>); setting it runs that one strategy.</summary>
    public string Strategy
    {
        get => Strategies.Count > 0 ? Strategies[0] : string.Empty;
        init => Strategies = [value];
    }

    /// <summary>
    /// Registry names of the strategies run together on one account (distinct, in the order given; each keeps its own
    /// trades, sizing and statistics). With several, parameters are written <c>NAME.key</c>.
    /// </summary>
    public IReadOnlyList<string> Strategies { get; init; } = ["ema_cross"];

    /// <summary>Strategy parameters as name → text (from <c>--param key=value</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Symbols to trade (all quoted in the same asset). Default: the demo's SYNTH:BTCUSDT.</summary>
    public IReadOnlyList<Symbol> Symbols { get; init; } = [DemoDataset.Btc];

    /// <summary>The strategy's (primary) timeframe. Default: 1h.</summary>
    public Timeframe Timeframe { get; init; } = Timeframe.H1;

    /// <summary>
    /// Lower timeframe whose bars the exchange matches orders against (e.g. 5m inside 1h bars: stops and
    /// targets fill on the path the 5m bars draw); null = match on the strategy timeframe's bars.
    /// </summary>
    public Timeframe? FillTimeframe { get; init; }

    /// <summary>First bar open time included (UTC ms); null = the first stored bar.</summary>
    public long? FromMs { get; init; }

    /// <summary>Bars opening at or after this time (UTC ms) are left out; null = through the last stored bar.</summary>
    public long? ToMs { get; init; }

    /// <summary>How the simulated exchange fills: fees, slippage, intrabar path, participation cap, leverage. Default: the exchange's defaults.</summary>
    public ExchangeSettings Exchange { get; init; } = new();

    /// <summary>How the OMS places orders: slicing, post-only entries, break-even, native or emulated brackets. Default: the OMS's defaults.</summary>
    public OmsSettings Oms { get; init; } = new();

    /// <summary>Starting cash in the quote asset.</summary>
    public decimal InitialCapital { get; init; } = DefaultCapital;

    /// <summary>Risk per trade in percent of equity for the default sizer.</summary>
    public decimal RiskPercent { get; init; } = DefaultRiskPercent;

    /// <summary>Funding rates per perpetual symbol (settled at their funding times); none = no funding.</summary>
    public IReadOnlyDictionary<Symbol, IReadOnlyList<FundingRate>> Funding { get; init; } = new Dictionary<Symbol, IReadOnlyList<FundingRate>>();

    /// <summary>The engine that drives the run (<c>--engine</c>); the results are the same with either (parity). Default: <see cref="BacktestEngine.Backtest"/>.</summary>
    public BacktestEngine Engine { get; init; } = BacktestEngine.Backtest;

    /// <summary>
    /// The locked limits the run obeys (<c>--governance</c>, default <c>configs/governance.yaml</c>); null: the shipped
    /// defaults (so a strategy that averages down is refused, as with <c>no_martingale: true</c>).
    /// </summary>
    public GovernanceConfig? Governance { get; init; }

    /// <summary>SHA-256 of the governance.yaml file <see cref="Governance"/> came from (shown in result.json); null when it did not come from a file.</summary>
    public string? GovernanceSha256 { get; init; }

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad value and what is allowed.</summary>
    public BacktestOptions Validate()
    {
        if (!Enum.IsDefined(Engine))
        {
            throw new ArgumentException($"--engine {(int)Engine} is not an engine (allowed: backtest, event-loop)");
        }

        if (Strategies.Count == 0 || Strategies.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("--strategy is empty");
        }

        if (Strategies.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"--strategy {twice.Key} is given twice");
        }

        if (Strategies.Count > 1 && Parameters.FirstOrDefault(p => ParameterOwner(p.Key) is null) is { Key: { } bare })
        {
            throw new ArgumentException(
                $"--param {bare}: with several strategies write NAME.key=value (e.g. --param {Strategies[0]}.{bare}=…)");
        }

        if (Symbols.Count == 0)
        {
            throw new ArgumentException("at least one --symbol is needed");
        }

        var quotes = Symbols.Select(s => s.QuoteAsset).Distinct(StringComparer.Ordinal).ToList();
        if (quotes.Count > 1)
        {
            throw new ArgumentException($"--symbol: all symbols must share one quote asset (got {string.Join(", ", quotes)})");
        }

        if (FromMs is { } from && ToMs is { } to && from >= to)
        {
            throw new ArgumentException($"--from {BacktestTime.Format(from)} is not before --to {BacktestTime.Format(to)}");
        }

        if (FillTimeframe is { } fill && (fill.Milliseconds >= Timeframe.Milliseconds || !Timeframe.IsMultipleOf(fill)))
        {
            throw new ArgumentException($"--fill-timeframe {fill} must be finer than --timeframe {Timeframe} and divide it evenly (e.g. 5m or 15m for 1h)");
        }

        ArgumentNullException.ThrowIfNull(Exchange);
        Exchange.Validate(Governance);
        ArgumentNullException.ThrowIfNull(Oms);
        Oms.Validate();
        if (Exchange.Leverage is { } leverage && !Symbols.Any(s => s.IsPerpetual))
        {
            throw new ArgumentException($"--leverage {leverage} applies to perpetual symbols (VENUE:PAIR.P); none of {string.Join(", ", Symbols)} is one");
        }

        if (InitialCapital is <= 0m or > 1_000_000_000_000m)
        {
            throw new ArgumentException($"--capital {InitialCapital} is out of range (0 < capital ≤ 1e12)");
        }

        if (RiskPercent is <= 0m or > 100m)
        {
            throw new ArgumentException($"--risk-pct {RiskPercent} is out of range (0 < percent ≤ 100)");
        }

        foreach (var symbol in Funding.Keys)
        {
            if (!symbol.IsPerpetual || !Symbols.Contains(symbol))
            {
                throw new ArgumentException($"funding for {symbol}: funding applies to a perpetual symbol of the run (symbols: {string.Join(", ", Symbols)})");
            }
        }

        return this;
    }

    /// <summary>The parameters of <paramref name="strategy"/>: all of them when it runs alone, else those written <c>strategy.key</c> (without the prefix).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ParametersOf(string strategy)
    {
        if (Strategies.Count == 1)
        {
            return Parameters;
        }

        var prefix = strategy + ".";
        foreach (var (key, _) in Parameters)
        {
            if (ParameterOwner(key) is { } owner && !Strategies.Contains(owner))
            {
                throw new ArgumentException($"--param {key}: {owner} is not one of the strategies of this run ({string.Join(", ", Strategies)})");
            }
        }

        return [.. Parameters.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(p => KeyValuePair.Create(p.Key[prefix.Length..], p.Value))];
    }

    private static string? ParameterOwner(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? key[..dot] : null;
    }
}
