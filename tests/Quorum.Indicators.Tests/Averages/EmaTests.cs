using Quorum.Indicators.Averages;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Averages;

public sealed class EmaTests
{
    [Fact]
    public void Ema14_MatchesLeanReference_SpyEmaCsv()
    {
        var table = ReferenceTable.Load("spy_ema.csv");
        var close = table.Column("close");

        var streamed = Feed.Run(new Ema(14), close);

        ReferenceAssert.Matches(table.Column("EMA14"), streamed, "ema_14 vs spy_ema.csv");
    }

    [Fact]
    public void Ema14_MatchesLeanReference_SpyWithIndicators()
    {
        var table = ReferenceTable.Load("spy_with_indicators.txt");
        var close = table.Column("Close");

        var streamed = Feed.Run(new Ema(14), close);

        ReferenceAssert.Matches(table.Column("EMA14"), streamed, "ema_14 vs spy_with_indicators.txt");
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("ETHUSDT")]
    public void Ema14_MatchesTaLib(string symbol)
    {
        var reference = TaLibReference.Load(symbol);
        var batch = new double[reference.Bars.Length];

        Ema.Batch(reference.Bars.Close, batch, 14);

        reference.FirstRow("ema_14").ShouldBe(13);
        double.IsNaN(batch[12]).ShouldBeTrue();
        ReferenceAssert.Matches(reference.Column("ema_14"), batch, $"ema_14 vs TA-Lib on {symbol}", minimumCompared: 4_900);
    }

    [Fact]
    public void Ema_EqualsTextbookRecursion_OnRealAndRoughData()
    {
        // Quorum computes value·(1 − α) + α·x in one fused multiply-add and seeds with x₀ + Σ(xᵢ − x₀)/n;
        // the textbook is value + α·(x − value) seeded with Σxᵢ/n. Same number up to rounding.
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            foreach (var period in new[] { 1, 2, 3, 14, 200 })
            {
                ReferenceAssert.Matches(Naive.Ema(close, period), Feed.Run(new Ema(period), close), $"ema_{period} vs textbook", tolerance: 1e-12);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(14)]
    [InlineData(200)]
    public void Ema_OfAConstant_IsExactlyThatConstant(int period)
    {
        // 0.1 + 0.2 = 0.30000000000000004: a plain seed sum of n copies can miss it by an ulp, and the
        // average would stay an ulp off forever (a "close > ema" rule would then fire on a flat market).
        var ema = new Ema(period);

        for (var i = 0; i < 1_000; i++)
        {
            ema.Update(0.1 + 0.2);
            if (ema.IsReady)
            {
                ema.Value.ShouldBe(0.1 + 0.2, $"after {i + 1} samples");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(14)]
    public void IsReady_FlipsExactlyAtWarmUpPeriod(int period)
    {
        var ema = new Ema(period);

        for (var i = 1; i <= period + 2; i++)
        {
            ema.Update(100 + i);
            ema.IsReady.ShouldBe(i >= period, $"after {i} samples");
            double.IsNaN(ema.Value).ShouldBe(i < period, $"after {i} samples");
        }
    }

    [Fact]
    public void Batch_EqualsStreaming()
    {
        var input = Enumerable.Range(0, 300).Select(i => 100 + (10 * Math.Sin(i / 7.0)) + (i * 0.1)).ToArray();
        var batch = new double[input.Length];

        Ema.Batch(input, batch, 20);

        batch.ShouldBe(Feed.Run(new Ema(20), input));
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        var ema = new Ema(5);
        foreach (var x in new[] { 1.0, 2, 3, 4, 5, 6 })
        {
            ema.Update(x);
        }

        ema.Reset();
        ema.Update(10);

        ema.Samples.ShouldBe(1);
        ema.IsReady.ShouldBeFalse();
        double.IsNaN(ema.Value).ShouldBeTrue();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample(double bad)
    {
        var ema = new Ema(3);
        ema.Update(1);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => ema.Update(bad));

        error.Message.ShouldContain("ema_3");
        error.Message.ShouldContain("input #2");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_PeriodBelowOne_Throws(int period) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Ema(period)).Message.ShouldContain($"period {period} is out of range (period ≥ 1)");
}
