using Quorum.Indicators.Tests.Support;
using Quorum.Indicators.Tests.Volatility;
using Quorum.Indicators.Volume;

namespace Quorum.Indicators.Tests.Volume;

public sealed class OnBalanceVolumeTests
{
    [Fact]
    public void Obv_MatchesLeanReference_SpyWithObv_WithinTheFilesVolumeRounding()
    {
        // The file prints volumes and OBV to 7 significant digits (1.156476E+08 stands for ±50 shares), so
        // OBV computed from the printed volumes may differ from the file's OBV by the rounding of every
        // volume summed so far plus the rounding of the OBV cell itself; each row is held to that bound.
        // OBV starts at the first bar's volume (TA-Lib), which the file's second row (V₀ − V₁) shows.
        var table = ReferenceTable.Load("spy_with_obv.txt");
        var obv = Feed.Run(new OnBalanceVolume(), table.Bars())[0];
        var volume = IndicatorContract.PrintedCells(table, "Volume");
        var expected = IndicatorContract.PrintedCells(table, "OBV");

        var volumeRounding = 0.0;
        var compared = 0;
        for (var i = 0; i < table.RowCount; i++)
        {
            volumeRounding += volume[i].HalfUnit;
            if (double.IsNaN(expected[i].Value))
            {
                continue;
            }

            Math.Abs(obv[i] - expected[i].Value).ShouldBeLessThanOrEqualTo(volumeRounding + expected[i].HalfUnit, $"obv row {i}");
            compared++;
        }

        compared.ShouldBe(table.RowCount - 1);
        obv[0].ShouldBe(table.Column("Volume")[0]);
    }

    [Fact]
    public void Obv_FollowsTheDirectionOfEveryCloseChange_SpyWithIndicators()
    {
        // spy_with_indicators.txt has an OBV column (3 significant digits) but no volume. Taking each bar's
        // volume as |ΔOBV| of the file (the first bar's as 0), our OBV reproduces the whole column only if
        // every step has the sign the close change gives it — the direction rule, checked on 499 rows.
        var table = ReferenceTable.Load("spy_with_indicators.txt");
        var close = table.Column("Close");
        var expected = table.Column("OBV");
        var volume = new double[close.Length];
        for (var i = 1; i < close.Length; i++)
        {
            volume[i] = Math.Abs(expected[i] - (i == 1 ? 0 : expected[i - 1]));
        }

        var obv = new double[close.Length];
        OnBalanceVolume.Batch(close, volume, obv);

        ReferenceAssert.Matches(expected, obv, "obv vs spy_with_indicators.txt", from: 1);
    }

    [Fact]
    public void Obv_AddsOnUpCloses_SubtractsOnDownCloses_KeepsOnEqualCloses()
    {
        var obv = new OnBalanceVolume();

        obv.Update(new OhlcvPoint(0, 10, 10, 10, 10, 100));
        obv.Value.ShouldBe(100);
        obv.Update(new OhlcvPoint(1, 10, 11, 10, 11, 30));
        obv.Value.ShouldBe(130);
        obv.Update(new OhlcvPoint(2, 10, 11, 9, 9, 50));
        obv.Value.ShouldBe(80);
        obv.Update(new OhlcvPoint(3, 9, 9, 9, 9, 70));
        obv.Value.ShouldBe(80);
    }

    [Fact]
    public void IsReady_FlipsExactlyAtWarmUpPeriod() =>
        IndicatorContract.WarmsUpExactly(new OnBalanceVolume(), IndicatorContract.SpyBars());

    [Fact]
    public void Reset_ForgetsEverything() =>
        IndicatorContract.ResetsToNew(() => new OnBalanceVolume(), IndicatorContract.SpyBars());

    [Fact]
    public void Batch_EqualsStreaming()
    {
        var bars = IndicatorContract.SpyBars();
        var batch = new double[bars.Length];

        OnBalanceVolume.Batch(bars.Close, bars.Volume, batch);

        IndicatorContract.Identical(Feed.Run(new OnBalanceVolume(), bars)[0], batch, "obv batch vs streaming");
    }

    [Fact]
    public void Update_NonFiniteInput_ThrowsNamingIndicatorAndSample()
    {
        IndicatorContract.RejectsNonFiniteBar(new OnBalanceVolume(), double.NaN);
        Should.Throw<ArgumentOutOfRangeException>(() => OnBalanceVolume.Batch([1.0, 2], [1.0, double.NaN], new double[2]))
            .Message.ShouldContain("obv: volume #2 is NaN");
    }

    [Fact]
    public void NoLookAhead_OnSpyBars() =>
        IndicatorContract.HasNoLookAhead(IndicatorContract.SpyBars(), bars =>
        {
            var output = new double[bars.Length];
            OnBalanceVolume.Batch(bars.Close, bars.Volume, output);
            return [output];
        });

    [Fact]
    public void AfterOneMillionUpdates_EqualsTheExactDecimalTotal()
    {
        // Volumes with 8 decimals (like BTC quantities) are not exact in binary; a plain running sum would
        // collect a rounding error per bar. The exact total is computed in decimal.
        var random = new Random(81);
        var obv = new OnBalanceVolume();
        var exact = 0m;
        var close = 100.0;
        for (var i = 0; i < 1_000_000; i++)
        {
            var previous = close;
            close += random.Next(-2, 3);
            var volume = Math.Round((decimal)random.NextDouble() * 1_000m, 8);
            exact += i == 0 || close > previous ? volume : close < previous ? -volume : 0m;
            obv.Update(new OhlcvPoint(i, close, close, close, close, (double)volume));
        }

        obv.Value.ShouldBe((double)exact, Math.Abs((double)exact) * 1e-12 + 1e-6);
    }
}
