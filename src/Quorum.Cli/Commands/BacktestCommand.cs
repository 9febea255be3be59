using System.CommandLine;
using System.Globalization;
using Quorum.Cli.Commands.Data;
using Quorum.Cli.Console;
using Quorum.Configuration;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Readers;
using Quorum.Data.Synthetic;
using Quorum.Research.Backtest;
using Quorum.Research.Reports;
using Quorum.Research.Statistics;
using Quorum.Strategies;
using Spectre.Console;
using Symbol = Quorum.Core.Instruments.Symbol;

namespace Quorum.Cli.Commands;

/// <summary>
/// <c>quorum backtest --strategy NAME --symbol S [--symbol S2 …] --timeframe TF [--from DATE --to DATE]
/// [--fee-bps N] [--slippage-bps N] [--param k=v …] [--capital N] --out DIR</c> (and the exchange's fill options: maker/taker
/// fees, slippage impact and spread, intrabar path, limit fills, participation cap, leverage; and the OMS's: slicing,
/// post-only entries, break-even, native or emulated brackets): runs a strategy over the
/// catalog through the simulated exchange and OMS, prints a summary table and writes result.json,
/// trades.csv and report.html. Defaults: <c>ema_cross</c> on the SYNTHETIC demo's SYNTH:BTCUSDT 1h.
/// </summary>
internal static class BacktestCommand
{
    public const string DefaultOutput = "backtest-out";

    /// <summary>Where the backtest looks for governance.yaml when <c>--governance</c> is not given.</summary>
    public static readonly string DefaultGovernance = Path.Combine("configs", ConfigLoader.GovernanceFileName);

    public static Command Create(CliContext context)
    {
        var registry = StrategyRegistry.BuiltIn;
        var strategy = new Option<string[]>("--strategy")
        {
            Description = "Strategy to run; repeat it to run several together on one account (each keeps its own trades and statistics; " +
                          "their parameters are then written NAME.key=value). Default: ema_cross. Known: " + string.Join(", ", registry.Names) +
                          " ('quorum strategies' lists them with their timeframes and parameters).",
            AllowMultipleArgumentsPerToken = false,
        };
        var symbols = new Option<string[]>("--symbol")
        {
            Description = $"Symbol to trade, VENUE:BASEQUOTE[.P]; repeat for several (same quote asset). Default: {DemoDataset.Btc} " +
                          "(the SYNTHETIC demo dataset, generated into the catalog on first use). Real symbols must be imported first ('quorum data import').",
            AllowMultipleArgumentsPerToken = false,
        };
        var timeframe = CommonOptions.Timeframe(required: false, description: $"Strategy timeframe, one of: {string.Join(' ', Timeframe.All)}. Default: 1h.");
        var fillTimeframe = CommonOptions.Timeframe(
            "--fill-timeframe",
            required: false,
            description: "Lower timeframe whose bars orders fill against (e.g. 5m for a 1h strategy: stops and targets follow the 5m path); " +
                         "must divide --timeframe and be in the catalog. Default: fills on the strategy timeframe's own bars.");
        var from = new Option<string?>("--from") { Description = "First bar to include, opening at or after this UTC time (yyyy-MM-dd[THH:mm]). Default: the first stored bar." };
        var to = new Option<string?>("--to") { Description = "Leave out bars opening at or after this UTC time (yyyy-MM-dd[THH:mm]). Default: through the last stored bar." };
        var fee = new Option<decimal?>("--fee-bps")
        {
            Description = "One fee for maker and taker, in basis points (10 = 0.10 %), 0–1000. Default: the venue's fees per market " +
                          "(Binance/SYNTH spot 10/10, Binance USDT-M 2/5; see docs/simulated-exchange.md).",
        };
        var slippage = new Option<decimal?>("--slippage-bps")
        {
            Description = "Fixed slippage in basis points on every taker fill, 0–1000 (replaces the default model). " +
                          "Default: the exchange's model (0 bps fixed plus a volatility × √(quantity/volume) term; docs/simulated-exchange.md).",
        };
        var maker = new Option<decimal?>("--maker-bps")
        {
            HelpName = "N",
            Description = "Maker fee in basis points on every venue and market, 0–1000 (wins over --fee-bps for makers). Default: --fee-bps, else the venue's maker fee.",
        };
        var taker = new Option<decimal?>("--taker-bps")
        {
            HelpName = "N",
            Description = "Taker fee in basis points on every venue and market, 0–1000 (wins over --fee-bps for takers). Default: --fee-bps, else the venue's taker fee.",
        };
        var impact = new Option<decimal?>("--slippage-impact")
        {
            HelpName = "K",
            Description = "k of the slippage model's volatility/volume term k × (high − low)/open × √(quantity/volume), 0–10; added to --slippage-bps. " +
                          "Default: 0.1, or 0 when --slippage-bps is given.",
        };
        var halfSpread = new Option<decimal?>("--half-spread-bps")
        {
            HelpName = "N",
            Description = "Half-spread in basis points that every taker fill pays (recorded as the fill's spread), 0–1000. Default: 0.",
        };
        var intrabarPath = new Option<string?>("--intrabar-path")
        {
            HelpName = "PATH",
            Description = "Assumed path through each bar when orders are matched: conservative (adverse to the position: a stop fills before its target " +
                          "in the same bar), ohlc, olhc, or bar-direction (olhc for an up bar, ohlc for a down bar). Default: conservative.",
        };
        var limitFill = new Option<string?>("--limit-fill")
        {
            HelpName = "through|touch",
            Description = "When a resting limit order fills: through (the bar trades beyond its price) or touch (the bar reaches its price). Default: through.",
        };
        var participation = new Option<string?>("--participation-cap")
        {
            HelpName = "SHARE|none",
            Description = "Largest share of a bar's volume the orders of one symbol may fill on that bar (0 < share ≤ 1), or none; the rest fills later " +
                          "(GTC), expires (IOC) or is killed (FOK). Default: 1 (the whole bar volume).",
        };
        var leverageOption = new Option<int?>("--leverage")
        {
            HelpName = "N",
            Description = $"Leverage of perpetual positions (isolated margin), 1–{ExchangeSettings.MaxLeverage}, at most governance.yaml's leverage_cap. " +
                          "Default: the leverage_cap, floored (1 without a governance.yaml).",
        };
        var maxChildQuantity = new Option<decimal?>("--max-child-qty")
        {
            HelpName = "QTY",
            Description = "Largest quantity of one child order: larger entries and market exits are sliced into children of at most this size (> 0), " +
                          "sent one after another as each fills. Default: not sliced.",
        };
        var maxChildNotional = new Option<decimal?>("--max-child-notional")
        {
            HelpName = "NOTIONAL",
            Description = "Largest notional (quote asset, at the plan's entry price) of one child order (> 0). Default: not sliced.",
        };
        var postOnly = new Option<bool>("--post-only")
        {
            Description = "Send limit entries post-only (maker only: refused when they would take). Market entries are not affected. Default: off.",
        };
        var postOnlyRetries = new Option<int>("--post-only-retries")
        {
            HelpName = "N",
            Description = $"How often a refused post-only entry is sent again, one bar later, before the trade is cancelled (0–{OmsSettings.MaxPostOnlyRetries}; needs --post-only). Default: 0.",
        };
        var breakEven = new Option<decimal?>("--break-even-r")
        {
            HelpName = "R",
            Description = "Move the stop to the average entry once the price went this many R in favour, for trades whose strategy sets no level (0 < R ≤ 100). Default: only as the strategy sets.",
        };
        var brackets = new Option<string?>("--brackets")
        {
            HelpName = "native|emulated",
            Description = "native (the exchange holds entry, stop and targets as one bracket, and OCO) or emulated (the OMS places and links the legs itself, " +
                          "as on a venue without them; placed on the entry's fill, its legs work from the next bar). Default: native.",
        };
        var parameters = new Option<string[]>("--param")
        {
            Description = "Strategy parameter key=value; repeat for several (e.g. --param fast=12 --param slow=26). Default: the strategy's defaults.",
        };
        var capital = new Option<decimal>("--capital")
        {
            Description = $"Starting cash in the quote asset. Default: {BacktestOptions.DefaultCapital.ToString(CultureInfo.InvariantCulture)}.",
            DefaultValueFactory = _ => BacktestOptions.DefaultCapital,
        };
        var risk = new Option<decimal>("--risk-pct")
        {
            Description = $"Risk per trade in percent of equity (stop at 2×ATR(14), capped by cash; buy_and_hold invests all cash). " +
                          $"Default: {BacktestOptions.DefaultRiskPercent.ToString(CultureInfo.InvariantCulture)}.",
            DefaultValueFactory = _ => BacktestOptions.DefaultRiskPercent,
        };
        var funding = new Option<string[]>("--funding")
        {
            Description = "Funding-rate file for a perpetual symbol, [SYMBOL=]FILE (the formats of 'quorum data funding'); the symbol may be left out " +
                          "when only one --symbol is a perpetual. Default: no funding.",
        };
        var governance = new Option<string?>("--governance")
        {
            Description = $"governance.yaml with the locked limits the run obeys (validated; a bad value exits 2). Default: {DefaultGovernance} when it exists, " +
                          "else the shipped defaults.",
        };
        var engine = new Option<string?>("--engine")
        {
            Description = "Engine that drives the run: backtest (the synchronous backtest loop) or event-loop (paper-on-replay: the same bars posted " +
                          "into the paper/live event loop). Both give the same results (parity; docs/engine.md). Default: backtest.",
        };
        var output = new Option<string>("--out")
        {
            Description = $"Folder for result.json, trades.csv and report.html (created; files replaced). Default: ./{DefaultOutput}.",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var command = new Command(
            "backtest",
            "Backtest a strategy on the data catalog through the simulated exchange, OMS and portfolio accounting; print the summary " +
            "(overall, per strategy, per symbol) and write result.json, trades.csv and a self-contained report.html. " +
            "With no options: ema_cross on the SYNTHETIC demo (SYNTH:BTCUSDT 1h). See docs/backtest.md.")
        {
            strategy, symbols, timeframe, fillTimeframe, from, to, fee, maker, taker, slippage, impact, halfSpread, intrabarPath, limitFill, participation,
            leverageOption, maxChildQuantity, maxChildNotional, postOnly, postOnlyRetries, breakEven, brackets, parameters, capital, risk, funding, governance, engine, output, CommonOptions.DataDirectory(),
        };
        command.SetAction(parseResult =>
        {
            var chosenSymbols = ParseSymbols(parseResult.GetValue(symbols));
            var options = new BacktestOptions
            {
                Strategies = parseResult.GetValue(strategy) is { Length: > 0 } names ? names : ["ema_cross"],
                Symbols = chosenSymbols,
                Timeframe = parseResult.GetResult(timeframe) is null ? Timeframe.H1 : parseResult.GetValue(timeframe),
                FillTimeframe = parseResult.GetResult(fillTimeframe) is null ? null : parseResult.GetValue(fillTimeframe),
                FromMs = parseResult.GetValue(from) is { } f ? BacktestTime.Parse(f, "--from") : null,
                ToMs = parseResult.GetValue(to) is { } t ? BacktestTime.Parse(t, "--to") : null,
                Exchange = new ExchangeSettings
                {
                    FeeBps = parseResult.GetValue(fee),
                    MakerFeeBps = parseResult.GetValue(maker),
                    TakerFeeBps = parseResult.GetValue(taker),
                    SlippageBps = parseResult.GetValue(slippage),
                    SlippageImpact = parseResult.GetValue(impact),
                    HalfSpreadBps = parseResult.GetValue(halfSpread),
                    IntrabarPath = ExchangeSettings.ParseIntrabarPath(parseResult.GetValue(intrabarPath)),
                    LimitFillsOnTouch = ParseLimitFill(parseResult.GetValue(limitFill)),
                    ParticipationCap = ParseParticipationCap(parseResult.GetValue(participation)),
                    Leverage = parseResult.GetValue(leverageOption),
                },
                Oms = new OmsSettings
                {
                    MaxChildQuantity = parseResult.GetValue(maxChildQuantity),
                    MaxChildNotional = parseResult.GetValue(maxChildNotional),
                    PostOnlyEntries = parseResult.GetValue(postOnly),
                    PostOnlyRetries = parseResult.GetValue(postOnlyRetries),
                    BreakEvenTriggerR = parseResult.GetValue(breakEven),
                    NativeBrackets = OmsSettings.ParseNativeBrackets(parseResult.GetValue(brackets)),
                },
                Parameters = StrategyParameters.ParseAssignments(parseResult.GetValue(parameters)),
                InitialCapital = parseResult.GetValue(capital),
                RiskPercent = parseResult.GetValue(risk),
                Funding = ReadFunding(parseResult.GetValue(funding), chosenSymbols),
                Governance = LoadGovernance(parseResult.GetValue(governance)),
                GovernanceSha256 = GovernanceHash(parseResult.GetValue(governance)),
                Engine = ParseEngine(parseResult.GetValue(engine)),
            }.Validate();
            return Run(context, parseResult, options, parseResult.GetValue(output) ?? DefaultOutput);
        });
        return command;
    }

    private static int Run(CliContext context, ParseResult parseResult, BacktestOptions options, string outputDirectory)
    {
        // Checked before the (possibly long) run: a bad name or parameter exits 2 at once.
        foreach (var name in options.Strategies)
        {
            StrategyRegistry.BuiltIn.Create(name, options.ParametersOf(name), new StrategyUniverse(options.Symbols, options.Timeframe));
        }

        var runner = new BacktestRunner(CatalogLocator.Open(context, parseResult));
        var result = ProgressReporter.Run(
            context.Console,
            $"backtest {string.Join(" + ", options.Strategies)} on {string.Join(", ", options.Symbols)} {options.Timeframe}" +
            (options.Engine == BacktestEngine.EventLoop ? " (event-loop engine)" : string.Empty),
            progress => runner.Run(options, progress),
            r => r.Run.Bars);
        var files = BacktestReport.WriteAll(result, outputDirectory);
        PrintSummary(context.Console, result);
        foreach (var file in files)
        {
            context.Console.MarkupLineInterpolated($"wrote [bold]{file}[/]");
        }

        if (result.Run.IsSynthetic)
        {
            context.Console.MarkupLine("[yellow]SYNTHETIC data: these results describe a generated market, not real prices.[/]");
        }

        return ExitCodes.Ok;
    }

    internal static void PrintSummary(IAnsiConsole console, BacktestResult result)
    {
        var summary = result.Summary;
        var run = result.Run;
        console.MarkupLine(Markup.Escape(
            $"{run.Strategy} {run.StrategyVersion} on {string.Join(", ", run.Symbols)} {run.Timeframe}: " +
            $"{BacktestTime.Format(run.DataFromMs)} → {BacktestTime.Format(run.DataToMs)}, {run.Bars.ToString("N0", CultureInfo.InvariantCulture)} bars, " +
            $"final equity {SummaryFormat.Money(summary.FinalEquity)} {run.QuoteAsset} from {SummaryFormat.Money(summary.InitialEquity)}"));
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("[bold]scope[/]").NoWrap().Padding(0, 0, 1, 0));
        foreach (var column in SummaryFormat.Columns)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(column.Header)}[/]").RightAligned().NoWrap().Padding(1, 0, 1, 0));
        }

        AddRow(table, "overall", summary);
        foreach (var (name, part) in summary.ByStrategy.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AddRow(table, $"strategy {name}", part);
        }

        foreach (var (name, part) in summary.BySymbol.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AddRow(table, $"symbol {name}", part);
        }

        console.Write(table);
        console.MarkupLineInterpolated(
            $"[grey]signals {result.Signals} ({result.SkippedSignalCount} skipped), order commands {result.OrderCommands}, order_list_hash {result.OrderListHash}[/]");
        if (result.Risk is { } risk)
        {
            console.MarkupLineInterpolated($"[grey]{risk.Summary}[/]");
        }
    }

    private static void AddRow(Table table, string scope, PerformanceSummary summary) =>
        table.AddRow([Markup.Escape(scope), .. SummaryFormat.Columns.Select(c => Markup.Escape(c.Format(summary)))]);

    private static bool ParseLimitFill(string? text) => text switch
    {
        null or "through" => false,
        "touch" => true,
        _ => throw new ArgumentException($"--limit-fill {text} is not known (allowed: through, touch)"),
    };

    private static decimal? ParseParticipationCap(string? text)
    {
        if (text is null)
        {
            return 1m;
        }

        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var share)
            ? share
            : throw new ArgumentException($"--participation-cap {text} is not a number (a share of the bar's volume, 0 < share ≤ 1, or none)");
    }

    private static BacktestEngine ParseEngine(string? text) => text switch
    {
        null or "backtest" => BacktestEngine.Backtest,
        "event-loop" => BacktestEngine.EventLoop,
        _ => throw new ArgumentException($"--engine {text} is not known (allowed: backtest, event-loop)"),
    };

    private static List<Symbol> ParseSymbols(string[]? texts)
    {
        if (texts is null || texts.Length == 0)
        {
            return [DemoDataset.Btc];
        }

        var result = new List<Symbol>();
        foreach (var text in texts)
        {
            if (!Symbol.TryParse(text, out var symbol, out var error))
            {
                throw new ArgumentException($"--symbol '{text}': {error}");
            }

            if (result.Contains(symbol))
            {
                throw new ArgumentException($"--symbol {symbol} is given twice");
            }

            result.Add(symbol);
        }

        return result;
    }

    private static Dictionary<Symbol, IReadOnlyList<FundingRate>> ReadFunding(string[]? specifications, IReadOnlyList<Symbol> symbols)
    {
        var result = new Dictionary<Symbol, IReadOnlyList<FundingRate>>();
        foreach (var specification in specifications ?? [])
        {
            Symbol symbol;
            string path;
            var equals = specification.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Symbol.TryParse(specification[..equals], out var named, out _))
            {
                symbol = named;
                path = specification[(equals + 1)..];
            }
            else
            {
                var perpetuals = symbols.Where(s => s.IsPerpetual).ToList();
                if (perpetuals.Count != 1)
                {
                    throw new ArgumentException(
                        $"--funding {specification}: say which perpetual it is for (SYMBOL=FILE); the run has {perpetuals.Count} perpetual symbols");
                }

                symbol = perpetuals[0];
                path = specification;
            }

            if (!symbol.IsPerpetual || !symbols.Contains(symbol))
            {
                throw new ArgumentException($"--funding {specification}: {symbol} is not a perpetual --symbol of this run");
            }

            if (!result.TryAdd(symbol, FundingFileReader.Read(path, symbol)))
            {
                throw new ArgumentException($"--funding: {symbol} has two funding files");
            }
        }

        return result;
    }

    /// <summary>The given governance.yaml (it must exist), else the default path when it exists, else null (the shipped defaults).</summary>
    private static GovernanceConfig? LoadGovernance(string? path)
    {
        if (path is not null)
        {
            return File.Exists(path)
                ? ConfigLoader.LoadGovernance(path)
                : throw new ArgumentException($"--governance {path}: no such file");
        }

        return File.Exists(DefaultGovernance) ? ConfigLoader.LoadGovernance(DefaultGovernance) : null;
    }

    /// <summary>SHA-256 of the governance.yaml <see cref="LoadGovernance"/> read (null when none).</summary>
    private static string? GovernanceHash(string? path)
    {
        var file = path ?? DefaultGovernance;
        return File.Exists(file) ? ConfigLoader.Sha256Hex(File.ReadAllBytes(file)) : null;
    }
}
