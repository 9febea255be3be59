using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Tests.Averages;
using Quorum.Indicators.Tests.Support;

namespace Quorum.Indicators.Tests.Oscillators;

public sealed class CciTests
{
    [Fact]
    public void Cci14_MatchesLeanReference_SpyWithCci_InPriceUnits()
    {
        // Named tolerance: CCI divides a price difference by 0.015·MD, here ~0.005-0.02 $, so the ~1e-5 $ of
        // rounding in the file's prices (it was written in single precision) becomes up to 2e-3 of CCI, more
        // than 1e-6 relative near zero. Multiplied back by 0.015·MD, i.e. in the price units it is computed
        // from, Quorum matches the file to 1e-6 of the typical price; and it equals the textbook two-pass
        // computation in double to 1e-9.
        var table = ReferenceTable.Load("spy_with_cci.txt");
        var bars = table.Bars();
        var file = table.Column("Commodity Channel Index (CCI) 14");
        var typical = Naive.Typical(bars);

        var streamed = Feed.Run(new Cci(14), bars)[0];

        var naive = Naive.Cci(bars, 14, out var meanDeviation);
        ReferenceAssert.Matches(naive, streamed, "cci_14 vs two-pass textbook CCI", tolerance: 1e-9);
        var compared = 0;
        for (var i = 13; i < bars.Length; i++)
        {
            var priceError = Math.Abs(streamed[i] - file[i]) * Cci.Scale * meanDeviation[i];
            priceError.ShouldBeLessThanOrEqualTo(1e-6 * typical[i], $"row {i}: cci {streamed[i]:R} vs file {file[i]:R}");
            compared++;
        }

        compared.ShouldBe(bars.Length - 13);
        Checks.MaxRelativeDifference(file, streamed).ShouldBeLessThan(1e-3);
    }

    [Theory]
    [InlineData("BTCUSDT")]
    [InlineData("ETHUSDT")]
    public void Cci20_MatchesTaLib(string symbol)
    {
        var reference = TaLibReference.Load(symbol);
        var bars = reference.Bars;
        var output = new double[bars.Length];

        Cci.Batch(bars.High, bars.Low, bars.Close, output, 20);

        reference.FirstRow("cci_20").ShouldBe(19);
        double.IsNaN(output[18]).ShouldBeTrue();
        ReferenceAssert.Matches(reference.Column("cci_20"), output, $"cci_20 vs TA-Lib on {symbol}", minimumCompared: 4_900);
    }

    [Fact]
    public void Cci_EqualsTwoPassTextbookDefinition_OnRealAndRoughData()
    {
        foreach (var bars in new[] { Checks.Spy(), Checks.Rough() })
        {
            foreach (var period in new[] { 1, 2, 5, 20, 61 })
            {
                ReferenceAssert.Matches(Naive.Cci(bars, period, out _), Feed.Run(new Cci(period), bars)[0], $"cci_{period} vs two-pass", tolerance: 1e-7);
            }
        }
    }

    [Fact]
    public void Cci_FlatWindow_IsExactlyZero_EvenWhereAPlainMeanWouldRound()
    {
        // (0.1 + 0.2 + 0.3)/3 summed 20 times and divided by 20 is not exactly the typical price; sums taken
        // relative to the newest value make the deviation exactly 0, so CCI is 0 rather than ±66.7.
        var cci = new Cci(20);

        for (var i = 0; i < 25; i++)
        {
            cci.Update(0.3, 0.1, 0.2);
        }

        cci.Value.ShouldBe(0.0);
    }

    [Fact]
    public void Update_HighLowClose_EqualsUpdateWithBar()
    {
        var bars = Checks.Spy();
        var byBar = new Cci(20);
        var byValues = new Cci(20);

        for (var i = 0; i < bars.Length; i++)
        {
            byBar.Update(bars[i]);
            byValues.Update(bars.High[i], bars.Low[i], bars.Close[i]);
            byValues.Value.ShouldBe(byBar.Value);
        }
    }
}
