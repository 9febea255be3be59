using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Volatility;

namespace Quorum.Indicators.Tests.Volatility;

/// <summary>The value-type streaming forms of ATR and ADX: bit-identical to the batch forms, same warm-up, reset and input checks.</summary>
public sealed class KernelTests
{
    [Theory]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.SecondBar, 14)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.FirstBar, 14)]
    [InlineData(AtrSmoothing.Wilder, TrueRangeStart.SecondBar, 1)]
    [InlineData(AtrSmoothing.Simple, TrueRangeStart.SecondBar, 14)]
    [InlineData(AtrSmoothing.Simple, TrueRangeStart.FirstBar, 7)]
    public void AtrKernel_EqualsBatch_BitForBit(AtrSmoothing smoothing, TrueRangeStart start, int period)
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            var batch = new double[bars.Length];
            Atr.Batch(bars.High, bars.Low, bars.Close, batch, period, smoothing, start);
            var kernel = new AtrKernel(period, smoothing, start);
            var streamed = new double[bars.Length];
            for (var i = 0; i < bars.Length; i++)
            {
                kernel.Update(bars.High[i], bars.Low[i], bars.Close[i]);
                streamed[i] = kernel.Value;
                kernel.IsReady.ShouldBe(i + 1 >= kernel.WarmUpPeriod);
            }

            Checks.Identical(batch, streamed, $"atr {smoothing} {start} {period} kernel vs batch");
        }
    }

    [Theory]
    [InlineData(14)]
    [InlineData(1)]
    [InlineData(5)]
    public void AdxKernel_EqualsBatch_BitForBit(int period)
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            var n = bars.Length;
            double[][] batch = [new double[n], new double[n], new double[n], new double[n]];
            Adx.Batch(bars.High, bars.Low, bars.Close, batch[0], batch[1], batch[2], batch[3], period);

            Checks.Identical(batch, Run(new AdxKernel(period), bars), $"adx_{period} kernel vs batch");
        }
    }

    [Fact]
    public void AdxKernel_ResetToNew_AndNaNUntilReady()
    {
        var bars = Checks.Rough(300);
        var kernel = new AdxKernel(14);
        var first = Run(kernel, bars);

        for (var i = 0; i < kernel.WarmUpPeriod - 1; i++)
        {
            double.IsNaN(first[0][i] + first[1][i] + first[2][i] + first[3][i]).ShouldBeTrue($"bar {i + 1}");
        }

        kernel.Reset();
        kernel.Samples.ShouldBe(0);
        Checks.Identical(first, Run(kernel, bars), "adx kernel after reset");
    }

    [Fact]
    public void Kernels_NonFiniteInput_ThrowNamingIndicatorAndBar()
    {
        var atr = new AtrKernel(3, AtrSmoothing.Simple);
        var adx = new AdxKernel(3);
        atr.Update(2, 1, 1.5);
        adx.Update(2, 1, 1.5);

        Should.Throw<ArgumentOutOfRangeException>(() => atr.Update(2, double.NaN, 1.5)).Message.ShouldStartWith("atr_sma_3: input #2 is ");
        Should.Throw<ArgumentOutOfRangeException>(() => adx.Update(double.PositiveInfinity, 1, 1.5)).Message.ShouldStartWith("adx_3: input #2 is ");
        Should.Throw<InvalidOperationException>(() => new AtrKernel()).Message.ShouldContain("new AtrKernel(period)");
        new AdxKernel().WarmUpPeriod.ShouldBe((3 * 14) - 1);
    }

    private static double[][] Run(AdxKernel kernel, OhlcvColumns bars)
    {
        var n = bars.Length;
        double[][] outputs = [new double[n], new double[n], new double[n], new double[n]];
        for (var i = 0; i < n; i++)
        {
            kernel.Update(bars.High[i], bars.Low[i], bars.Close[i]);
            outputs[0][i] = kernel.Value;
            outputs[1][i] = kernel.PlusDirectionalIndicator;
            outputs[2][i] = kernel.MinusDirectionalIndicator;
            outputs[3][i] = kernel.Rating;
        }

        return outputs;
    }
}
