using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Volume;

namespace Quorum.Indicators.Tests.Volume;

/// <summary>
/// The value-type streaming form of the rolling VWAP: kernel = class = batch bit for bit on real SPY bars and on the
/// rough synthetic series (whose flat stretches have zero volume), same warm-up, reset and input checks.
/// </summary>
public sealed class VwapKernelTests
{
    [Theory]
    [InlineData(20, PriceSource.Typical)]
    [InlineData(1, PriceSource.Close)]
    [InlineData(50, PriceSource.Average)]
    [InlineData(3, PriceSource.Typical)]
    public void Kernel_EqualsClassAndBatch_BitForBit(int period, PriceSource source)
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            var batch = new double[bars.Length];
            Vwap.Batch(bars, batch, period, source);
            var price = bars.Get(source);

            Checks.Identical(batch, Run(new VwapKernel(period), price, bars.Volume), $"vwap_{period} {source} kernel vs batch");
            Checks.Identical(batch, Feed.Run(new Vwap(period, source), bars)[0], $"vwap_{period} {source} class vs batch");
        }
    }

    [Fact]
    public void Kernel_ReadyAtPeriod_ZeroVolumeWindowIsThePlainMean_AndResetsToNew()
    {
        var kernel = new VwapKernel(3);
        kernel.Update(10, 1);
        kernel.Update(20, 1);
        double.IsNaN(kernel.Value).ShouldBeTrue();
        kernel.IsReady.ShouldBeFalse();
        kernel.Update(30, 2);
        kernel.IsReady.ShouldBeTrue();
        kernel.Value.ShouldBe(22.5); // (10 + 20 + 60) / 4
        kernel.Update(1, 0);
        kernel.Update(2, 0);
        kernel.Update(3, 0);
        kernel.Value.ShouldBe(2.0); // no volume in the window: (1 + 2 + 3) / 3

        kernel.Reset();
        kernel.Samples.ShouldBe(0);
        double.IsNaN(kernel.Value).ShouldBeTrue();
        var bars = Checks.Rough(300);
        var price = bars.Get(PriceSource.Typical);
        Checks.Identical(Run(new VwapKernel(3), price, bars.Volume), Run(kernel, price, bars.Volume), "vwap kernel after reset");
    }

    [Fact]
    public void Kernel_BadInputOrNoPeriod_Throws()
    {
        var kernel = new VwapKernel(3);
        kernel.Update(10, 1);

        Should.Throw<ArgumentOutOfRangeException>(() => kernel.Update(double.NaN, 1)).Message.ShouldStartWith("vwap_3: input #2 is NaN");
        Should.Throw<ArgumentOutOfRangeException>(() => kernel.Update(10, double.PositiveInfinity)).Message.ShouldStartWith("vwap_3: input #2 is ");
        Should.Throw<ArgumentOutOfRangeException>(() => kernel.Update(10, -1)).Message.ShouldStartWith("vwap_3: volume #2 is -1; volumes must be ≥ 0");
        Should.Throw<InvalidOperationException>(() => new VwapKernel()).Message.ShouldContain("new VwapKernel(period)");
        kernel.Samples.ShouldBe(1);
    }

    private static double[] Run(VwapKernel kernel, double[] price, double[] volume)
    {
        var values = new double[price.Length];
        for (var i = 0; i < price.Length; i++)
        {
            kernel.Update(price[i], volume[i]);
            values[i] = kernel.Value;
        }

        return values;
    }
}
