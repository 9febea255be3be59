using FsCheck;
using FsCheck.Fluent;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

public sealed class SyntheticMarketShapeTests
{
    [Fact]
    public void Generate_ForAnySeedAndTimeframe_EveryBarIsSaneAndOpensAtThePreviousClose()
    {
        var cases =
            from seed in Gen.Choose(int.MinValue, int.MaxValue)
            from timeframe in Gen.Elements(Timeframe.All.ToArray())
            from barCount in Gen.Choose(1, 400)
            from startTicks in Gen.Choose(100, 10_000_000)
            from symbolCount in Gen.Choose(1, 3)
            from startMs in Gen.Choose(0, 2_000_000_000)
            select (Seed: (long)seed * 7919, timeframe, barCount, StartPrice: startTicks * 0.01m, symbolCount, StartMs: startMs * 1000L);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var options = SyntheticSamples.Small(c.Seed, c.barCount) with
            {
                Timeframe = c.timeframe,
                StartTimeMs = c.StartMs,
                Symbols = [.. DemoDataset.Options.Symbols.Take(c.symbolCount).Select(s => s with { StartPrice = c.StartPrice })],
                Correlation = null,
            };

            var market = SyntheticSamples.Generate(options);

            foreach (var series in market.Series)
            {
                AssertSaneAndContinuous(series);
                AssertAlignedAndContiguous(series, options.FirstOpenTimeMs);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Generate_WithExtremeVolatility_KeepsPricesPositiveAndBarsSane()
    {
        var options = SyntheticSamples.Small(seed: 5, barCount: 5_000) with
        {
            Timeframe = Timeframe.D1,
            Symbols = [new SyntheticSymbolSpec(Symbol.Parse("SYNTH:DOGEUSDT"), 1.00m, 0.01m, 1_000m, Beta: 5, VolatilityMultiplier: 10)],
            Correlation = null,
        };

        var series = SyntheticSamples.Generate(options).Series[0];

        AssertSaneAndContinuous(series);
        series.Span.ToArray().ShouldAllBe(bar => bar.Low >= 0.01m);
    }

    [Fact]
    public void Generate_PricesAreWholeTicksWithTheTicksDecimals()
    {
        var market = SyntheticSamples.Generate(SyntheticSamples.Small(barCount: 500));

        for (var i = 0; i < market.Series.Count; i++)
        {
            var spec = DemoDataset.Options.Symbols[i];
            foreach (var bar in market.Series[i].Span)
            {
                foreach (var price in new[] { bar.Open, bar.High, bar.Low, bar.Close })
                {
                    (price % spec.TickSize).ShouldBe(0m);
                    price.Scale.ShouldBe(spec.TickSize.Scale);
                }

                bar.Volume.Scale.ShouldBe((byte)spec.VolumeDecimals);
                bar.IsClosed.ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void Generate_FirstBarOpensAtTheStartPrice()
    {
        var market = SyntheticSamples.Generate(SyntheticSamples.Small());

        for (var i = 0; i < market.Series.Count; i++)
        {
            market.Series[i][0].Open.ShouldBe(DemoDataset.Options.Symbols[i].StartPrice);
        }
    }

    [Fact]
    public void Generate_WithUnalignedStart_BeginsWithTheBarContainingTheStart()
    {
        var start = DemoDataset.StartTimeMs + (3 * Timeframe.HourMs) + 17;
        var options = SyntheticSamples.Small(barCount: 10) with { Timeframe = Timeframe.H4, StartTimeMs = start };

        var series = SyntheticSamples.Generate(options).Series[0];

        series.FirstOpenTimeMs.ShouldBe(DemoDataset.StartTimeMs);
        AssertAlignedAndContiguous(series, DemoDataset.StartTimeMs);
    }

    [Fact]
    public void Generate_WeeklyBars_OpenOnMondays()
    {
        var options = SyntheticSamples.Small(barCount: 60) with { Timeframe = Timeframe.W1 };

        var series = SyntheticSamples.Generate(options).Series[0];

        series.Span.ToArray().ShouldAllBe(bar => bar.OpenTime.DayOfWeek == DayOfWeek.Monday && bar.OpenTime.TimeOfDay == TimeSpan.Zero);
        AssertAlignedAndContiguous(series, Timeframe.W1.AlignDown(DemoDataset.StartTimeMs));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(12, 1)]
    [InlineData(12 * 24, 24)]
    [InlineData(12 * 24 + 1, 25)]
    public void Generate_WithEndTime_GivesTheBarsOpeningBeforeIt(long fiveMinuteSpans, int expectedHours)
    {
        var options = SyntheticSamples.Small() with
        {
            Timeframe = Timeframe.H1,
            BarCount = null,
            EndTimeMs = DemoDataset.StartTimeMs + (fiveMinuteSpans * 5 * Timeframe.MinuteMs),
        };

        var market = SyntheticSamples.Generate(options);

        market.BarCount.ShouldBe(expectedHours);
        market.Series[0].LastOpenTimeMs.ShouldBeLessThan(options.EndTimeMs!.Value);
        market.Regimes.Count.ShouldBe(expectedHours);
    }

    [Fact]
    public void Generate_ReportsIncreasingProgressEndingAtOne()
    {
        var reports = new List<double>();

        SyntheticSamples.Generate(SyntheticSamples.Small(barCount: 1_000), new SynchronousProgress(reports.Add));

        reports.Count.ShouldBeInRange(50, 110);
        reports.ShouldBe(reports.Order().ToList());
        reports[^1].ShouldBe(1.0);
        reports.ShouldAllBe(p => p > 0 && p <= 1);
    }

    [Fact]
    public void Generate_WhenCancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Should.Throw<OperationCanceledException>(() =>
            SyntheticMarketGenerator.Generate(SyntheticSamples.Small(barCount: 1_000), null, cancellation.Token));
    }

    [Fact]
    public void Generate_ReturnsOneSeriesPerSymbolLabelledSynthetic()
    {
        var market = SyntheticSamples.Generate(SyntheticSamples.Small());

        market.Series.Select(s => s.Symbol).ShouldBe(DemoDataset.Symbols);
        market.Series.ShouldAllBe(s => s.Symbol.Venue.IsSynthetic && s.Timeframe == Timeframe.M5 && s.Count == 200);
        market.GetSeries(DemoDataset.Eth).ShouldBeSameAs(market.Series[1]);
        market.ToString().ShouldContain("not real data");
        SyntheticMarket.Disclaimer.ShouldContain("not real market data");
    }

    [Fact]
    public void GetSeries_ForAnUnknownSymbol_NamesTheSymbolsAvailable()
    {
        var market = SyntheticSamples.Generate(SyntheticSamples.Small());

        var error = Should.Throw<KeyNotFoundException>(() => market.GetSeries(Symbol.Parse("SYNTH:XRPUSDT")));

        error.Message.ShouldContain("SYNTH:XRPUSDT");
        error.Message.ShouldContain("SYNTH:BTCUSDT");
    }

    private static void AssertSaneAndContinuous(BarSeries series)
    {
        for (var k = 0; k < series.Count; k++)
        {
            var bar = series[k];
            bar.IsSane.ShouldBeTrue($"{series.Symbol} bar {k} is not sane: {bar}");
            if (k > 0)
            {
                bar.Open.ShouldBe(series[k - 1].Close, $"{series.Symbol} bar {k} does not open at the previous close");
            }
        }
    }

    private static void AssertAlignedAndContiguous(BarSeries series, long firstOpenTimeMs)
    {
        series.FirstOpenTimeMs.ShouldBe(firstOpenTimeMs);
        for (var k = 0; k < series.Count; k++)
        {
            series[k].OpenTimeMs.ShouldBe(firstOpenTimeMs + (k * series.Timeframe.Milliseconds));
            series.Timeframe.IsAligned(series[k].OpenTimeMs).ShouldBeTrue();
        }
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
