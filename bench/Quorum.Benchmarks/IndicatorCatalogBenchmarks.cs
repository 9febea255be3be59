using BenchmarkDotNet.Attributes;
using Quorum.Core.Time;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Statistics;
using Quorum.Indicators.Volatility;
using Quorum.Indicators.Volume;

namespace Quorum.Benchmarks;

/// <summary>
/// Batch vs streaming for every indicator not in <see cref="IndicatorBenchmarks"/>, on the same 1,000,000 real bars,
/// ns per bar. Streaming calls <c>Update</c> on the concrete sealed class, one bar at a time: the (high, low, close)
/// or (value) overload where the class has one, else <c>Update(in OhlcvPoint)</c> on bars stored as an
/// <see cref="OhlcvPoint"/> array (what a live feed hands over), passed by reference. VWAP's batch reads a typical-price
/// column built once in setup (the streaming form computes (H + L + C)/3 per bar). The switch runs once per 1M bars.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class IndicatorCatalogBenchmarks
{
    private const int Bars = IndicatorBenchmarks.Bars;

    private OhlcvColumns _bars = null!;
    private OhlcvPoint[] _points = null!;
    private double[] _typical = null!;
    private double[] _a = null!;
    private double[] _b = null!;
    private double[] _c = null!;

    [Params(
        "RMA(14)", "WMA(14)", "TRANGE", "NATR(14)", "KELTNER(20,2)", "DONCHIAN(20)", "MAX(20)", "MIN(20)", "HV(20)", "SLOPE(20)",
        "VAR(20)", "STDDEV(20)", "ZSCORE(20)", "LOGRET(1)", "CORREL(20)", "QUANTILE(20,0.9)", "OBV", "VWAP(20)", "SESSION_VWAP",
        "CUTLER_RSI(14)", "STOCH(14,3,3)", "CCI(20)", "WILLR(14)")]
    public string Indicator { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bars = BenchmarkBars.Load(Bars);
        _points = new OhlcvPoint[Bars];
        _typical = new double[Bars];
        for (var i = 0; i < Bars; i++)
        {
            _points[i] = _bars[i];
            _typical[i] = _points[i].Get(PriceSource.Typical);
        }

        _a = new double[Bars];
        _b = new double[Bars];
        _c = new double[Bars];
    }

    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double Batch()
    {
        var (high, low, close, volume) = (_bars.High, _bars.Low, _bars.Close, _bars.Volume);
        switch (Indicator)
        {
            case "RMA(14)": Rma.Batch(close, _a, 14); break;
            case "WMA(14)": Wma.Batch(close, _a, 14); break;
            case "TRANGE": TrueRange.Batch(high, low, close, _a); break;
            case "NATR(14)": Natr.Batch(high, low, close, _a, 14); break;
            case "KELTNER(20,2)": KeltnerChannel.Batch(high, low, close, _a, _b, _c, 20, 2); break;
            case "DONCHIAN(20)": DonchianChannel.Batch(high, low, _a, _b, _c, 20); break;
            case "MAX(20)": RollingMaximum.Batch(close, _a, 20); break;
            case "MIN(20)": RollingMinimum.Batch(close, _a, 20); break;
            case "HV(20)": HistoricalVolatility.Batch(close, _a, 20, Timeframe.H1); break;
            case "SLOPE(20)": LinearRegressionSlope.Batch(close, _a, 20); break;
            case "VAR(20)": RollingVariance.Batch(close, _a, 20); break;
            case "STDDEV(20)": RollingStandardDeviation.Batch(close, _a, 20); break;
            case "ZSCORE(20)": RollingZScore.Batch(volume, _a, 20); break;
            case "LOGRET(1)": LogReturn.Batch(close, _a, 1); break;
            case "CORREL(20)": RollingCorrelation.Batch(close, volume, _a, 20); break;
            case "QUANTILE(20,0.9)": RollingQuantile.Batch(close, _a, 20, 0.9); break;
            case "OBV": OnBalanceVolume.Batch(close, volume, _a); break;
            case "VWAP(20)": Vwap.Batch(_typical, volume, _a, 20); break;
            case "SESSION_VWAP": SessionVwap.Batch(_bars.Time, _typical, volume, _a); break;
            case "CUTLER_RSI(14)": CutlerRsi.Batch(close, _a, 14); break;
            case "STOCH(14,3,3)": Stochastic.Batch(high, low, close, _a, _b); break;
            case "CCI(20)": Cci.Batch(high, low, close, _a, 20); break;
            case "WILLR(14)": WilliamsR.Batch(high, low, close, _a, 14); break;
            default: throw new ArgumentOutOfRangeException(nameof(Indicator), Indicator, "no batch case");
        }

        return _a[^1];
    }

    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming")]
    public double Streaming() => Indicator switch
    {
        "RMA(14)" => Values(new Rma(14), _bars.Close),
        "WMA(14)" => Values(new Wma(14), _bars.Close),
        "TRANGE" => TrueRanges(),
        "NATR(14)" => NormalizedTrueRanges(),
        "KELTNER(20,2)" => Keltner(),
        "DONCHIAN(20)" => Donchian(),
        "MAX(20)" => Values(new RollingMaximum(20), _bars.Close),
        "MIN(20)" => Values(new RollingMinimum(20), _bars.Close),
        "HV(20)" => Values(new HistoricalVolatility(20, Timeframe.H1), _bars.Close),
        "SLOPE(20)" => Values(new LinearRegressionSlope(20), _bars.Close),
        "VAR(20)" => Values(new RollingVariance(20), _bars.Close),
        "STDDEV(20)" => Values(new RollingStandardDeviation(20), _bars.Close),
        "ZSCORE(20)" => Values(new RollingZScore(20), _bars.Volume),
        "LOGRET(1)" => Values(new LogReturn(1), _bars.Close),
        "CORREL(20)" => Correlation(),
        "QUANTILE(20,0.9)" => Values(new RollingQuantile(20, 0.9), _bars.Close),
        "OBV" => OnBalance(),
        "VWAP(20)" => RollingVwap(),
        "SESSION_VWAP" => DailyVwap(),
        "CUTLER_RSI(14)" => Values(new CutlerRsi(14), _bars.Close),
        "STOCH(14,3,3)" => Stoch(),
        "CCI(20)" => CommodityChannel(),
        "WILLR(14)" => Williams(),
        _ => throw new ArgumentOutOfRangeException(nameof(Indicator), Indicator, "no streaming case"),
    };

    // One loop per concrete type (a generic over IPriceIndicator would be shared code with interface calls).
    private static double Values(Rma x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(Wma x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(RollingMaximum x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(RollingMinimum x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(HistoricalVolatility x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(LinearRegressionSlope x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(RollingVariance x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(RollingStandardDeviation x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(RollingZScore x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(LogReturn x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(RollingQuantile x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private static double Values(CutlerRsi x, double[] input) { foreach (var v in input) { x.Update(v); } return x.Value; }

    private double TrueRanges()
    {
        var x = new TrueRange();
        foreach (ref readonly var bar in _points.AsSpan())
        {
            x.Update(in bar);
        }

        return x.Value;
    }

    private double NormalizedTrueRanges()
    {
        var x = new Natr(14);
        foreach (ref readonly var bar in _points.AsSpan())
        {
            x.Update(in bar);
        }

        return x.Value;
    }

    private double Keltner()
    {
        var x = new KeltnerChannel(20, 2);
        foreach (ref readonly var bar in _points.AsSpan())
        {
            x.Update(in bar);
        }

        return x.Middle;
    }

    private double Donchian()
    {
        var x = new DonchianChannel(20);
        foreach (ref readonly var bar in _points.AsSpan())
        {
            x.Update(in bar);
        }

        return x.Middle;
    }

    private double OnBalance()
    {
        var x = new OnBalanceVolume();
        foreach (ref readonly var bar in _points.AsSpan())
        {
            x.Update(in bar);
        }

        return x.Value;
    }

    private double RollingVwap()
    {
        var x = new Vwap(20);
        foreach (ref readonly var bar in _points.AsSpan())
        {
            x.Update(in bar);
        }

        return x.Value;
    }

    private double DailyVwap()
    {
        var x = new SessionVwap();
        foreach (ref readonly var bar in _points.AsSpan())
        {
            x.Update(in bar);
        }

        return x.Value;
    }

    private double Correlation()
    {
        var x = new RollingCorrelation(20);
        var (close, volume) = (_bars.Close, _bars.Volume);
        for (var i = 0; i < close.Length; i++)
        {
            x.Update(close[i], volume[i]);
        }

        return x.Value;
    }

    private double Stoch()
    {
        var x = new Stochastic();
        var (high, low, close) = (_bars.High, _bars.Low, _bars.Close);
        for (var i = 0; i < close.Length; i++)
        {
            x.Update(high[i], low[i], close[i]);
        }

        return x.D;
    }

    private double CommodityChannel()
    {
        var x = new Cci(20);
        var (high, low, close) = (_bars.High, _bars.Low, _bars.Close);
        for (var i = 0; i < close.Length; i++)
        {
            x.Update(high[i], low[i], close[i]);
        }

        return x.Value;
    }

    private double Williams()
    {
        var x = new WilliamsR(14);
        var (high, low, close) = (_bars.High, _bars.Low, _bars.Close);
        for (var i = 0; i < close.Length; i++)
        {
            x.Update(high[i], low[i], close[i]);
        }

        return x.Value;
    }
}
