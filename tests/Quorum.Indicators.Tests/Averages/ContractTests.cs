using Quorum.Indicators.Averages;
using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Averages;

/// <summary>
/// The contract of every average and oscillator, one theory row per configured indicator: exact
/// warm-up, reset, batch = streaming bit for bit, no look-ahead (FsCheck on real SPY bars),
/// non-finite input and periods below 1 rejected with messages naming the indicator.
/// </summary>
public sealed class ContractTests
{
    private static readonly Dictionary<string, IndicatorCase> Cases = new IndicatorCase[]
    {
        IndicatorCase.OnClose("sma", 20, p => new Sma(p), Sma.Batch),
        IndicatorCase.OnClose("sma", 1, p => new Sma(p), Sma.Batch),
        IndicatorCase.OnClose("ema", 14, p => new Ema(p), Ema.Batch),
        IndicatorCase.OnClose("ema", 1, p => new Ema(p), Ema.Batch),
        IndicatorCase.OnClose("wma", 20, p => new Wma(p), Wma.Batch),
        IndicatorCase.OnClose("wma", 1, p => new Wma(p), Wma.Batch),
        IndicatorCase.OnClose("rma", 14, p => new Rma(p), Rma.Batch),
        IndicatorCase.OnClose("rma", 1, p => new Rma(p), Rma.Batch),
        IndicatorCase.OnClose("rsi", 14, p => new Rsi(p), Rsi.Batch),
        IndicatorCase.OnClose("rsi", 1, p => new Rsi(p), Rsi.Batch),
        IndicatorCase.OnClose("cutler_rsi", 14, p => new CutlerRsi(p), CutlerRsi.Batch),
        IndicatorCase.OnClose("cutler_rsi", 1, p => new CutlerRsi(p), CutlerRsi.Batch),
        MacdCase(12, 26, 9),
        MacdCase(1, 2, 1),
        StochasticCase(14, 3, 3),
        StochasticCase(1, 1, 1),
        StochasticCase(5, 1, 4),
        HighLowCloseCase("cci", 20, p => new Cci(p), Cci.Batch),
        HighLowCloseCase("cci", 1, p => new Cci(p), Cci.Batch),
        HighLowCloseCase("willr", 14, p => new WilliamsR(p), WilliamsR.Batch),
        HighLowCloseCase("willr", 1, p => new WilliamsR(p), WilliamsR.Batch),
    }.ToDictionary(c => c.Name);

    private delegate void BatchOnHighLowClose(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output, int period);

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void IsReady_FlipsExactlyAtWarmUpPeriod_OutputsNaNExactlyBefore(string name)
    {
        Checks.WarmsUpExactly(Cases[name].Create(), Checks.Spy());
        Checks.WarmsUpExactly(Cases[name].Create(), Checks.Rough());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Reset_ForgetsEverything(string name) => Checks.ResetsToNew(Cases[name].Create, Checks.Spy());

    [Theory]
    [MemberData(nameof(Names))]
    public void Batch_EqualsStreaming_BitForBit(string name)
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            Checks.Identical(Feed.Run(Cases[name].Create(), bars), Cases[name].Batch(bars), $"{name} batch vs streaming");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Batch_OnShorterInputThanWarmUp_IsAllNaN(string name)
    {
        var bars = Checks.Spy().Take(Math.Max(0, Cases[name].Create().WarmUpPeriod - 1));

        foreach (var output in Cases[name].Batch(bars))
        {
            output.ShouldAllBe(v => double.IsNaN(v));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void NoLookAhead_ValueAtT_IsTheSameOnBarsUpToTAndOnLongerHistories(string name)
    {
        var bars = Checks.Spy();
        Checks.HasNoLookAhead(bars, Cases[name].Batch);
        Checks.HasNoLookAhead(bars.Take(120), b => Feed.Run(Cases[name].Create(), b));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample(string name)
    {
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            foreach (var field in Fields(Cases[name]))
            {
                var indicator = Cases[name].Create();
                var bars = Checks.Spy();
                indicator.Update(bars[0]);
                var good = bars[1];
                var corrupt = field == "close" ? good with { Close = bad } : field == "high" ? good with { High = bad } : good with { Low = bad };

                var error = Should.Throw<ArgumentOutOfRangeException>(() => indicator.Update(corrupt), $"{field} = {bad}");

                error.Message.ShouldContain(name);
                error.Message.ShouldContain("#2");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Batch_NonFiniteInput_ThrowsNamingIndicatorAndSample(string name)
    {
        foreach (var field in Fields(Cases[name]))
        {
            var bars = Checks.Spy();
            var corrupt = new OhlcvColumns(
                bars.Time,
                bars.Open,
                field == "high" ? Checks.WithBad(bars.High, 5, double.NaN) : bars.High,
                field == "low" ? Checks.WithBad(bars.Low, 5, double.NaN) : bars.Low,
                field == "close" ? Checks.WithBad(bars.Close, 5, double.PositiveInfinity) : bars.Close,
                bars.Volume);

            var error = Should.Throw<ArgumentOutOfRangeException>(() => Cases[name].Batch(corrupt), field);

            error.Message.ShouldContain(name);
            error.Message.ShouldContain("#6");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Constructor_AndBatch_PeriodBelowOne_Throw(string name)
    {
        foreach (var parameter in Cases[name].Periods)
        {
            foreach (var period in new[] { 0, -3 })
            {
                var expected = $"{parameter.Indicator}: {parameter.Parameter} {period} is out of range ({parameter.Parameter} ≥ 1)";
                Should.Throw<ArgumentOutOfRangeException>(() => parameter.Construct(period)).Message.ShouldContain(expected);
                Should.Throw<ArgumentOutOfRangeException>(() => parameter.Batch(period)).Message.ShouldContain(expected);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Registry_CreatesTheSameIndicator(string name)
    {
        var specification = name switch
        {
            _ when name.StartsWith("cutler_rsi_", StringComparison.Ordinal) => $"cutler_rsi:{name["cutler_rsi_".Length..]}",
            _ => name.Replace('_', ':'),
        };

        var created = IndicatorRegistry.Create(specification);

        created.Name.ShouldBe(name);
        created.OutputNames.ShouldBe(Cases[name].Create().OutputNames);
        Checks.Identical(Feed.Run(Cases[name].Create(), Checks.Spy()), Feed.Run(created, Checks.Spy()), $"{specification} from the registry");
    }

    private static IEnumerable<string> Fields(IndicatorCase c) => c.ReadsHighLow ? ["close", "high", "low"] : ["close"];

    private static IndicatorCase MacdCase(int fast, int slow, int signal) =>
        new(
            $"macd_{fast}_{slow}_{signal}",
            () => new Macd(fast, slow, signal),
            bars =>
            {
                double[] line = new double[bars.Length], smoothed = new double[bars.Length], histogram = new double[bars.Length];
                Macd.Batch(bars.Close, line, smoothed, histogram, fast, slow, signal);
                return [line, smoothed, histogram];
            },
            ReadsHighLow: false,
            [
                new PeriodParameter("macd", "fast period", p => _ = new Macd(p, slow, signal), p => Macd.Batch([1.0], new double[1], new double[1], new double[1], p, slow, signal)),
                new PeriodParameter("macd", "slow period", p => _ = new Macd(fast, p, signal), p => Macd.Batch([1.0], new double[1], new double[1], new double[1], fast, p, signal)),
                new PeriodParameter("macd", "signal period", p => _ = new Macd(fast, slow, p), p => Macd.Batch([1.0], new double[1], new double[1], new double[1], fast, slow, p)),
            ]);

    private static IndicatorCase StochasticCase(int period, int kSmoothing, int dPeriod) =>
        new(
            $"stoch_{period}_{kSmoothing}_{dPeriod}",
            () => new Stochastic(period, kSmoothing, dPeriod),
            bars =>
            {
                double[] k = new double[bars.Length], d = new double[bars.Length];
                Stochastic.Batch(bars.High, bars.Low, bars.Close, k, d, period, kSmoothing, dPeriod);
                return [k, d];
            },
            ReadsHighLow: true,
            [
                new PeriodParameter("stoch", "period", p => _ = new Stochastic(p, kSmoothing, dPeriod), p => Stochastic.Batch([1.0], [1.0], [1.0], new double[1], new double[1], p, kSmoothing, dPeriod)),
                new PeriodParameter("stoch", "k smoothing", p => _ = new Stochastic(period, p, dPeriod), p => Stochastic.Batch([1.0], [1.0], [1.0], new double[1], new double[1], period, p, dPeriod)),
                new PeriodParameter("stoch", "d period", p => _ = new Stochastic(period, kSmoothing, p), p => Stochastic.Batch([1.0], [1.0], [1.0], new double[1], new double[1], period, kSmoothing, p)),
            ]);

    private static IndicatorCase HighLowCloseCase(string indicator, int period, Func<int, IIndicator> create, BatchOnHighLowClose batch) =>
        new(
            $"{indicator}_{period}",
            () => create(period),
            bars =>
            {
                var output = new double[bars.Length];
                batch(bars.High, bars.Low, bars.Close, output, period);
                return [output];
            },
            ReadsHighLow: true,
            [new PeriodParameter(indicator, "period", p => create(p), p => batch([1.0], [1.0], [1.0], new double[1], p))]);
}
