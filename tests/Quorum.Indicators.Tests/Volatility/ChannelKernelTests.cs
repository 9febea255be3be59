using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

/// <summary>
/// The value-type streaming forms of Bollinger Bands, Donchian and rolling max/min: kernel = class = batch bit for bit
/// on real SPY bars and on the rough synthetic series, same warm-up, reset and input checks.
/// </summary>
public sealed class ChannelKernelTests
{
    [Theory]
    [InlineData(20, 2.0)]
    [InlineData(1, 2.0)]
    [InlineData(2, 1.5)]
    [InlineData(50, 2.5)]
    public void BollingerKernel_EqualsClassAndBatch_BitForBit(int period, double multiplier)
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            var n = bars.Length;
            double[][] batch = [new double[n], new double[n], new double[n], new double[n], new double[n]];
            BollingerBands.Batch(bars.Close, batch[0], batch[1], batch[2], batch[3], batch[4], period, multiplier);

            var kernel = Run(new BollingerKernel(period, multiplier), bars.Close);
            Checks.Identical(batch, kernel, $"bb_{period}_{multiplier} kernel vs batch");
            Checks.Identical(batch, Feed.Run(new BollingerBands(period, multiplier), bars), $"bb_{period}_{multiplier} class vs batch");
        }
    }

    [Theory]
    [InlineData(20)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(55)]
    public void DonchianKernel_EqualsClassAndBatch_BitForBit(int period)
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            var n = bars.Length;
            double[][] batch = [new double[n], new double[n], new double[n]];
            DonchianChannel.Batch(bars.High, bars.Low, batch[0], batch[1], batch[2], period);

            Checks.Identical(batch, Run(new DonchianKernel(period), bars), $"donchian_{period} kernel vs batch");
            Checks.Identical(batch, Feed.Run(new DonchianChannel(period), bars), $"donchian_{period} class vs batch");
        }
    }

    [Theory]
    [InlineData(20)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(63)]
    public void RollingExtremumKernels_EqualClassesAndBatch_BitForBit(int period)
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            var max = new double[close.Length];
            var min = new double[close.Length];
            RollingMaximum.Batch(close, max, period);
            RollingMinimum.Batch(close, min, period);

            Checks.Identical(max, Run(RollingExtremumKernel.Maximum(period), close), $"max_{period} kernel vs batch");
            Checks.Identical(min, Run(RollingExtremumKernel.Minimum(period), close), $"min_{period} kernel vs batch");
            Checks.Identical(max, Feed.Run(new RollingMaximum(period), close), $"max_{period} class vs batch");
            Checks.Identical(min, Feed.Run(new RollingMinimum(period), close), $"min_{period} class vs batch");
        }
    }

    [Fact]
    public void Kernels_BecomeReadyExactlyAtTheirPeriod_NaNBefore()
    {
        var bars = Checks.Rough(100);
        var bands = new BollingerKernel(20, 2);
        var donchian = new DonchianKernel(10);
        var max = RollingExtremumKernel.Maximum(5);
        var min = RollingExtremumKernel.Minimum(5);
        for (var i = 0; i < bars.Length; i++)
        {
            bands.Update(bars.Close[i]);
            donchian.Update(bars.High[i], bars.Low[i]);
            max.Update(bars.Close[i]);
            min.Update(bars.Close[i]);
            var samples = i + 1;
            bands.Samples.ShouldBe(samples);
            bands.IsReady.ShouldBe(samples >= 20, $"bb after {samples}");
            double.IsNaN(bands.Middle + bands.Upper + bands.Lower + bands.Width + bands.PercentB).ShouldBe(samples < 20, $"bb outputs after {samples}");
            donchian.IsReady.ShouldBe(samples >= 10, $"donchian after {samples}");
            double.IsNaN(donchian.High + donchian.Low + donchian.Middle).ShouldBe(samples < 10, $"donchian outputs after {samples}");
            max.IsReady.ShouldBe(samples >= 5);
            min.IsReady.ShouldBe(samples >= 5);
            double.IsNaN(max.Value + min.Value).ShouldBe(samples < 5, $"max/min after {samples}");
        }
    }

    [Fact]
    public void Kernels_ResetToNew()
    {
        var bars = Checks.Rough(400);
        var bands = new BollingerKernel(20, 2);
        var donchian = new DonchianKernel(20);
        var min = RollingExtremumKernel.Minimum(20);
        var first = (Run(bands, bars.Close), Run(donchian, bars), Run(min, bars.Close));
        bands.Update(1);
        donchian.Update(2, 1);
        min.Update(1);

        bands.Reset();
        donchian.Reset();
        min.Reset();

        (bands.Samples, donchian.Samples, min.Samples).ShouldBe((0L, 0L, 0L));
        double.IsNaN(bands.Width + bands.PercentB + donchian.Middle + min.Value).ShouldBeTrue();
        Checks.Identical(first.Item1, Run(bands, bars.Close), "bb kernel after reset");
        Checks.Identical(first.Item2, Run(donchian, bars), "donchian kernel after reset");
        Checks.Identical(first.Item3, Run(min, bars.Close), "min kernel after reset");
    }

    [Fact]
    public void Kernels_BadInputOrNoParameters_Throw()
    {
        var bands = new BollingerKernel(3, 2);
        var donchian = new DonchianKernel(3);
        var max = RollingExtremumKernel.Maximum(3);
        bands.Update(1);
        donchian.Update(2, 1);
        max.Update(1);

        Should.Throw<ArgumentOutOfRangeException>(() => bands.Update(double.NaN)).Message.ShouldStartWith("bb_3_2: input #2 is NaN");
        Should.Throw<ArgumentOutOfRangeException>(() => donchian.Update(2, double.NegativeInfinity)).Message.ShouldStartWith("donchian_3: input #2 is ");
        Should.Throw<ArgumentOutOfRangeException>(() => max.Update(double.PositiveInfinity)).Message.ShouldStartWith("max_3: input #2 is ");
        Should.Throw<ArgumentOutOfRangeException>(() => RollingExtremumKernel.Minimum(0)).Message.ShouldContain("min: period 0 is out of range");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerKernel(20, 0)).Message.ShouldContain("bb: multiplier 0 is out of range");
        Should.Throw<InvalidOperationException>(() => new BollingerKernel()).Message.ShouldContain("new BollingerKernel(period, multiplier)");
        Should.Throw<InvalidOperationException>(() => new DonchianKernel()).Message.ShouldContain("new DonchianKernel(period)");
        Should.Throw<InvalidOperationException>(() => new RollingExtremumKernel()).Message.ShouldContain("RollingExtremumKernel.Maximum(period)");

        // A rejected input is not consumed.
        (bands.Samples, donchian.Samples, max.Samples).ShouldBe((1L, 1L, 1L));
    }

    private static double[][] Run(BollingerKernel kernel, double[] input)
    {
        var n = input.Length;
        double[][] outputs = [new double[n], new double[n], new double[n], new double[n], new double[n]];
        for (var i = 0; i < n; i++)
        {
            kernel.Update(input[i]);
            outputs[0][i] = kernel.Middle;
            outputs[1][i] = kernel.Upper;
            outputs[2][i] = kernel.Lower;
            outputs[3][i] = kernel.Width;
            outputs[4][i] = kernel.PercentB;
        }

        return outputs;
    }

    private static double[][] Run(DonchianKernel kernel, OhlcvColumns bars)
    {
        var n = bars.Length;
        double[][] outputs = [new double[n], new double[n], new double[n]];
        for (var i = 0; i < n; i++)
        {
            kernel.Update(bars.High[i], bars.Low[i]);
            outputs[0][i] = kernel.High;
            outputs[1][i] = kernel.Low;
            outputs[2][i] = kernel.Middle;
        }

        return outputs;
    }

    private static double[] Run(RollingExtremumKernel kernel, double[] input) => input.Select(x =>
    {
        kernel.Update(x);
        return kernel.Value;
    }).ToArray();
}
