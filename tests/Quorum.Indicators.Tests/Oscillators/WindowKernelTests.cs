using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Oscillators;

/// <summary>
/// The value-type streaming forms of Cutler's RSI and the stochastic: kernel = class = batch bit for bit on real SPY
/// bars and on the rough synthetic series, same warm-up, reset and input checks.
/// </summary>
public sealed class WindowKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(14)]
    [InlineData(50)]
    public void CutlerRsiKernel_EqualsClassAndBatch_BitForBit(int period)
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            var batch = new double[close.Length];
            CutlerRsi.Batch(close, batch, period);

            Checks.Identical(batch, Run(new CutlerRsiKernel(period), close), $"cutler_rsi_{period} kernel vs batch");
            Checks.Identical(batch, Feed.Run(new CutlerRsi(period), close), $"cutler_rsi_{period} class vs batch");
        }
    }

    [Theory]
    [InlineData(14, 3, 3)]
    [InlineData(5, 1, 1)]
    [InlineData(1, 2, 4)]
    [InlineData(21, 5, 7)]
    public void StochasticKernel_EqualsClassAndBatch_BitForBit(int period, int kSmoothing, int dPeriod)
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            var n = bars.Length;
            double[][] batch = [new double[n], new double[n]];
            Stochastic.Batch(bars.High, bars.Low, bars.Close, batch[0], batch[1], period, kSmoothing, dPeriod);

            var what = $"stoch_{period}_{kSmoothing}_{dPeriod}";
            Checks.Identical(batch, Run(new StochasticKernel(period, kSmoothing, dPeriod), bars), $"{what} kernel vs batch");
            Checks.Identical(batch, Feed.Run(new Stochastic(period, kSmoothing, dPeriod), bars), $"{what} class vs batch");
        }
    }

    [Fact]
    public void Kernels_BecomeReadyExactlyAtTheirWarmUp_AndResetToNew()
    {
        var bars = Checks.Rough(300);
        var rsi = new CutlerRsiKernel(14);
        var stoch = new StochasticKernel();
        stoch.WarmUpPeriod.ShouldBe(14 + 3 + 3 - 2);
        for (var i = 0; i < 40; i++)
        {
            rsi.Update(bars.Close[i]);
            stoch.Update(bars.High[i], bars.Low[i], bars.Close[i]);
            var samples = i + 1;
            rsi.IsReady.ShouldBe(samples >= 15, $"cutler rsi after {samples}");
            double.IsNaN(rsi.Value).ShouldBe(samples < 15, $"cutler rsi value after {samples}");
            stoch.IsReady.ShouldBe(samples >= 18, $"stoch after {samples}");
            double.IsNaN(stoch.K + stoch.D).ShouldBe(samples < 18, $"stoch outputs after {samples}");
        }

        rsi.Reset();
        stoch.Reset();
        (rsi.Samples, stoch.Samples).ShouldBe((0L, 0L));
        double.IsNaN(rsi.Value + stoch.K + stoch.D).ShouldBeTrue();
        Run(rsi, bars.Close).ShouldBe(Run(new CutlerRsiKernel(14), bars.Close));
        Checks.Identical(Run(new StochasticKernel(), bars), Run(stoch, bars), "stoch kernel after reset");
    }

    [Fact]
    public void Kernels_BadInputOrNoParameters_Throw()
    {
        var rsi = new CutlerRsiKernel(3);
        var stoch = new StochasticKernel(3, 1, 1);
        rsi.Update(1);
        stoch.Update(2, 1, 1.5);

        Should.Throw<ArgumentOutOfRangeException>(() => rsi.Update(double.NaN)).Message.ShouldStartWith("cutler_rsi_3: input #2 is NaN");
        Should.Throw<ArgumentOutOfRangeException>(() => stoch.Update(2, 1, double.PositiveInfinity)).Message.ShouldStartWith("stoch_3_1_1: input #2 is ");
        Should.Throw<ArgumentOutOfRangeException>(() => new StochasticKernel(14, 0, 3)).Message.ShouldContain("stoch: k smoothing 0 is out of range");
        Should.Throw<ArgumentOutOfRangeException>(() => new CutlerRsiKernel(0)).Message.ShouldContain("cutler_rsi: period 0 is out of range");
        Should.Throw<InvalidOperationException>(() => new CutlerRsiKernel()).Message.ShouldContain("new CutlerRsiKernel(period)");
        (rsi.Samples, stoch.Samples).ShouldBe((1L, 1L));
    }

    private static double[] Run(CutlerRsiKernel kernel, double[] input) => input.Select(x =>
    {
        kernel.Update(x);
        return kernel.Value;
    }).ToArray();

    private static double[][] Run(StochasticKernel kernel, OhlcvColumns bars)
    {
        var n = bars.Length;
        double[][] outputs = [new double[n], new double[n]];
        for (var i = 0; i < n; i++)
        {
            kernel.Update(bars.High[i], bars.Low[i], bars.Close[i]);
            outputs[0][i] = kernel.K;
            outputs[1][i] = kernel.D;
        }

        return outputs;
    }
}
