using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Averages;

namespace Quorum.Indicators.Tests.Oscillators;

/// <summary>The value-type streaming form of MACD: bit-identical to the batch form, same warm-up, reset and input checks.</summary>
public sealed class MacdKernelTests
{
    [Theory]
    [InlineData(12, 26, 9)]
    [InlineData(1, 2, 1)]
    [InlineData(5, 35, 5)]
    public void Kernel_EqualsBatch_BitForBit(int fast, int slow, int signal)
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            var n = close.Length;
            double[][] batch = [new double[n], new double[n], new double[n]];
            Macd.Batch(close, batch[0], batch[1], batch[2], fast, slow, signal);

            Checks.Identical(batch, Run(new MacdKernel(fast, slow, signal), close), $"macd_{fast}_{slow}_{signal} kernel vs batch");
        }
    }

    [Fact]
    public void Kernel_BecomesReadyAtSlowPlusSignalMinusOne_AndResetsToNew()
    {
        var close = Checks.Rough(200).Close;
        var kernel = new MacdKernel();
        kernel.WarmUpPeriod.ShouldBe(34);
        var first = Run(kernel, close);
        for (var i = 0; i < 40; i++)
        {
            double.IsNaN(first[0][i] + first[1][i] + first[2][i]).ShouldBe(i + 1 < 34, $"sample {i + 1}");
        }

        kernel.Reset();
        kernel.IsReady.ShouldBeFalse();
        Checks.Identical(first, Run(kernel, close), "macd kernel after reset");
    }

    [Fact]
    public void Kernel_NonFiniteInput_ThrowsNamingIndicatorAndSample()
    {
        var kernel = new MacdKernel();
        kernel.Update(1);

        Should.Throw<ArgumentOutOfRangeException>(() => kernel.Update(double.NaN)).Message.ShouldStartWith("macd_12_26_9: input #2 is ");
        Should.Throw<ArgumentOutOfRangeException>(() => new MacdKernel(12, 12, 9)).Message.ShouldContain("slow period 12 is out of range");
    }

    private static double[][] Run(MacdKernel kernel, double[] close)
    {
        var n = close.Length;
        double[][] outputs = [new double[n], new double[n], new double[n]];
        for (var i = 0; i < n; i++)
        {
            kernel.Update(close[i]);
            outputs[0][i] = kernel.Value;
            outputs[1][i] = kernel.Signal;
            outputs[2][i] = kernel.Histogram;
        }

        return outputs;
    }
}
