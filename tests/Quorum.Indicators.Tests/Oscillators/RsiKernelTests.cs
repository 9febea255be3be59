using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Averages;

namespace Quorum.Indicators.Tests.Oscillators;

/// <summary>The value-type streaming form of RSI: bit-identical to the batch form, same warm-up, reset and input checks.</summary>
public sealed class RsiKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(14)]
    [InlineData(50)]
    public void Kernel_EqualsBatch_BitForBit(int period)
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            var batch = new double[close.Length];
            Rsi.Batch(close, batch, period);

            Checks.Identical(batch, Run(new RsiKernel(period), close), $"rsi_{period} kernel vs batch");
        }
    }

    [Fact]
    public void Kernel_BecomesReadyAtPeriodPlusOne_AndResetsToNew()
    {
        var close = Checks.Rough(200).Close;
        var kernel = new RsiKernel(14);
        for (var i = 0; i < 20; i++)
        {
            kernel.Update(close[i]);
            kernel.IsReady.ShouldBe(i + 1 >= 15, $"sample {i + 1}");
            double.IsNaN(kernel.Value).ShouldBe(i + 1 < 15);
            double.IsNaN(kernel.AverageGain).ShouldBe(i + 1 < 15);
        }

        kernel.Reset();
        kernel.Samples.ShouldBe(0);
        Run(kernel, close).ShouldBe(Run(new RsiKernel(14), close));
    }

    [Fact]
    public void Kernel_BadInputOrNoPeriod_Throws()
    {
        var kernel = new RsiKernel(3);
        kernel.Update(1);

        Should.Throw<ArgumentOutOfRangeException>(() => kernel.Update(double.NegativeInfinity)).Message.ShouldStartWith("rsi_3: input #2 is ");
        Should.Throw<InvalidOperationException>(() => new RsiKernel()).Message.ShouldContain("new RsiKernel(period)");
    }

    private static double[] Run(RsiKernel kernel, double[] close) => close.Select(x =>
    {
        kernel.Update(x);
        return kernel.Value;
    }).ToArray();
}
