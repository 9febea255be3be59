using Quorum.Indicators.Averages;

namespace Quorum.Indicators.Tests.Averages;

/// <summary>The value-type streaming forms of EMA, RMA and SMA: bit-identical to the batch forms, same warm-up, reset and input checks.</summary>
public sealed class KernelTests
{
    public static TheoryData<string, int> Cases =>
        new(from kind in new[] { "ema", "rma", "sma" } from period in new[] { 1, 2, 3, 14, 20, 200 } select (kind, period));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kernel_EqualsBatch_BitForBit(string kind, int period)
    {
        foreach (var close in new[] { Checks.Spy().Close, Checks.Rough().Close })
        {
            var batch = new double[close.Length];
            double[] streamed;
            switch (kind)
            {
                case "ema":
                    Ema.Batch(close, batch, period);
                    streamed = Run(ExponentialKernel.Ema(period), close);
                    break;
                case "rma":
                    Rma.Batch(close, batch, period);
                    streamed = Run(ExponentialKernel.Rma(period), close);
                    break;
                default:
                    Sma.Batch(close, batch, period);
                    streamed = Run(new SmaKernel(period), close);
                    break;
            }

            Checks.Identical(batch, streamed, $"{kind}_{period} kernel vs batch");
        }
    }

    [Fact]
    public void Kernels_BecomeReadyExactlyAtTheirPeriod_AndResetToNew()
    {
        var close = Checks.Rough(300).Close;
        var ema = ExponentialKernel.Ema(14);
        var sma = new SmaKernel(20);
        for (var i = 0; i < close.Length; i++)
        {
            ema.Update(close[i]);
            sma.Update(close[i]);
            ema.Samples.ShouldBe(i + 1);
            ema.IsReady.ShouldBe(i + 1 >= 14, $"ema after {i + 1} samples");
            double.IsNaN(ema.Value).ShouldBe(i + 1 < 14);
            sma.IsReady.ShouldBe(i + 1 >= 20, $"sma after {i + 1} samples");
            double.IsNaN(sma.Value).ShouldBe(i + 1 < 20);
        }

        ema.Reset();
        sma.Reset();
        ema.Samples.ShouldBe(0);
        double.IsNaN(ema.Value).ShouldBeTrue();
        Run(ema, close).ShouldBe(Run(ExponentialKernel.Ema(14), close));
        Run(sma, close).ShouldBe(Run(new SmaKernel(20), close));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Kernels_NonFiniteInput_ThrowNamingIndicatorAndSample(double bad)
    {
        var ema = ExponentialKernel.Ema(3);
        var sma = new SmaKernel(3);
        ema.Update(1);
        sma.Update(1);

        Should.Throw<ArgumentOutOfRangeException>(() => ema.Update(bad)).Message.ShouldStartWith("ema_3: input #2 is ");
        Should.Throw<ArgumentOutOfRangeException>(() => sma.Update(bad)).Message.ShouldStartWith("sma_3: input #2 is ");
        Should.Throw<ArgumentOutOfRangeException>(() => ExponentialKernel.Rma(0)).Message.ShouldContain("rma: period 0 is out of range");
    }

    [Fact]
    public void Kernels_WithoutParameters_ThrowInsteadOfActingAsPeriodZero()
    {
        Should.Throw<InvalidOperationException>(() => new ExponentialKernel()).Message.ShouldContain("ExponentialKernel.Ema(period)");
        Should.Throw<InvalidOperationException>(() => new SmaKernel()).Message.ShouldContain("new SmaKernel(period)");
    }

    private static double[] Run(ExponentialKernel kernel, double[] input) => Run(input, x =>
    {
        kernel.Update(x);
        return kernel.Value;
    });

    private static double[] Run(SmaKernel kernel, double[] input) => Run(input, x =>
    {
        kernel.Update(x);
        return kernel.Value;
    });

    private static double[] Run(double[] input, Func<double, double> update) => input.Select(update).ToArray();
}
