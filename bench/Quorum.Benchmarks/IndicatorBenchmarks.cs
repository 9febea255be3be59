using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Quorum.Indicators;
using Quorum.Indicators.Averages;
using Quorum.Indicators.Oscillators;
using Quorum.Indicators.Volatility;
using Quorum.Indicators.Volume;

namespace Quorum.Benchmarks;

/// <summary>
/// Indicators over 1,000,000 real bars (BTCUSDT 1h tiled, as tools/talib/run.sh does for TA-Lib C and
/// Tulip C). <c>OperationsPerInvoke</c> makes BenchmarkDotNet report time per bar directly.
/// Batch: the static span form. Streaming: one <c>Update</c> per bar on a sealed instance.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class IndicatorBenchmarks
{
    public const int Bars = 1_000_000;

    private OhlcvColumns _bars = null!;
    private double[] _a = null!;
    private double[] _b = null!;
    private double[] _c = null!;
    private double[] _d = null!;
    private double[] _e = null!;
    private double[] _typical = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bars = BenchmarkBars.Load(Bars);
        _a = new double[Bars];
        _b = new double[Bars];
        _c = new double[Bars];
        _d = new double[Bars];
        _e = new double[Bars];
        _typical = _bars.Get(PriceSource.Typical);
    }

    [BenchmarkCategory("EMA(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double EmaBatch()
    {
        Ema.Batch(_bars.Close, _a, 14);
        return _a[^1];
    }

    [BenchmarkCategory("EMA(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming")]
    public double EmaStreaming()
    {
        var ema = new Ema(14);
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            ema.Update(close[i]);
        }

        return ema.Value;
    }

    [BenchmarkCategory("EMA(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double EmaKernelStreaming()
    {
        var ema = ExponentialKernel.Ema(14);
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            ema.Update(close[i]);
        }

        return ema.Value;
    }

    [BenchmarkCategory("SMA(20)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double SmaBatch()
    {
        Sma.Batch(_bars.Close, _a, 20);
        return _a[^1];
    }

    [BenchmarkCategory("SMA(20)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming")]
    public double SmaStreaming()
    {
        var sma = new Sma(20);
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            sma.Update(close[i]);
        }

        return sma.Value;
    }

    [BenchmarkCategory("SMA(20)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double SmaKernelStreaming()
    {
        var sma = new SmaKernel(20);
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            sma.Update(close[i]);
        }

        return sma.Value;
    }

    [BenchmarkCategory("RSI(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double RsiBatch()
    {
        Rsi.Batch(_bars.Close, _a, 14);
        return _a[^1];
    }

    [BenchmarkCategory("RSI(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming")]
    public double RsiStreaming()
    {
        var rsi = new Rsi(14);
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            rsi.Update(close[i]);
        }

        return rsi.Value;
    }

    [BenchmarkCategory("RSI(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double RsiKernelStreaming()
    {
        var rsi = new RsiKernel(14);
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            rsi.Update(close[i]);
        }

        return rsi.Value;
    }

    [BenchmarkCategory("ATR(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double AtrBatch()
    {
        Atr.Batch(_bars.High, _bars.Low, _bars.Close, _a, 14);
        return _a[^1];
    }

    [BenchmarkCategory("ATR(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming")]
    public double AtrStreaming()
    {
        var atr = new Atr(14);
        var (high, low, close) = (_bars.High, _bars.Low, _bars.Close);
        for (var i = 0; i < close.Length; i++)
        {
            atr.Update(high[i], low[i], close[i]);
        }

        return atr.Value;
    }

    [BenchmarkCategory("ATR(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double AtrKernelStreaming()
    {
        var atr = new AtrKernel(14);
        var (high, low, close) = (_bars.High, _bars.Low, _bars.Close);
        for (var i = 0; i < close.Length; i++)
        {
            atr.Update(high[i], low[i], close[i]);
        }

        return atr.Value;
    }

    [BenchmarkCategory("MACD(12,26,9)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double MacdBatch()
    {
        Macd.Batch(_bars.Close, _a, _b, _c);
        return _c[^1];
    }

    [BenchmarkCategory("MACD(12,26,9)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming")]
    public double MacdStreaming()
    {
        var macd = new Macd();
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            macd.Update(close[i]);
        }

        return macd.Histogram;
    }

    [BenchmarkCategory("MACD(12,26,9)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double MacdKernelStreaming()
    {
        var macd = new MacdKernel();
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            macd.Update(close[i]);
        }

        return macd.Histogram;
    }

    [BenchmarkCategory("ADX(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double AdxBatch()
    {
        Adx.Batch(_bars.High, _bars.Low, _bars.Close, _a, _b, _c, _d, 14);
        return _a[^1];
    }

    [BenchmarkCategory("ADX(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming")]
    public double AdxStreaming()
    {
        var adx = new Adx(14);
        var (high, low, close) = (_bars.High, _bars.Low, _bars.Close);
        for (var i = 0; i < close.Length; i++)
        {
            adx.Update(high[i], low[i], close[i]);
        }

        return adx.Value;
    }

    [BenchmarkCategory("ADX(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double AdxKernelStreaming()
    {
        var adx = new AdxKernel(14);
        var (high, low, close) = (_bars.High, _bars.Low, _bars.Close);
        for (var i = 0; i < close.Length; i++)
        {
            adx.Update(high[i], low[i], close[i]);
        }

        return adx.Value;
    }

    /// <summary>The three bands, as TA-Lib's BBANDS returns (width and %B are optional outputs).</summary>
    [BenchmarkCategory("BBANDS(20,2)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double BollingerBatch()
    {
        BollingerBands.Batch(_bars.Close, _a, _b, _c, [], [], 20, 2);
        return _b[^1];
    }

    [BenchmarkCategory("BBANDS(20,2)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch, all 5 outputs")]
    public double BollingerBatchAllOutputs()
    {
        BollingerBands.Batch(_bars.Close, _a, _b, _c, _d, _e, 20, 2);
        return _b[^1];
    }

    [BenchmarkCategory("BBANDS(20,2)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming")]
    public double BollingerStreaming()
    {
        var bands = new BollingerBands(20, 2);
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            bands.Update(close[i]);
        }

        return bands.Middle;
    }

    /// <summary>
    /// The kernels below write every output they compute to arrays, as the batch forms do (their outputs are not
    /// loop-carried, so a loop that read only the last value would let the JIT drop work the batch form does).
    /// </summary>
    [BenchmarkCategory("BBANDS(20,2)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double BollingerKernelStreaming()
    {
        var bands = new BollingerKernel(20, 2);
        var (close, middle, upper, lower) = (_bars.Close, _a, _b, _c);
        for (var i = 0; i < close.Length; i++)
        {
            bands.Update(close[i]);
            middle[i] = bands.Middle;
            upper[i] = bands.Upper;
            lower[i] = bands.Lower;
        }

        return upper[^1];
    }

    [BenchmarkCategory("DONCHIAN(20)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double DonchianKernelStreaming()
    {
        var donchian = new DonchianKernel(20);
        var (high, low, upper, lower, middle) = (_bars.High, _bars.Low, _a, _b, _c);
        for (var i = 0; i < high.Length; i++)
        {
            donchian.Update(high[i], low[i]);
            upper[i] = donchian.High;
            lower[i] = donchian.Low;
            middle[i] = donchian.Middle;
        }

        return middle[^1];
    }

    [BenchmarkCategory("MAX(20)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double MaximumKernelStreaming() => Extremes(RollingExtremumKernel.Maximum(20));

    [BenchmarkCategory("MIN(20)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double MinimumKernelStreaming() => Extremes(RollingExtremumKernel.Minimum(20));

    [BenchmarkCategory("CUTLER_RSI(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double CutlerRsiKernelStreaming()
    {
        var rsi = new CutlerRsiKernel(14);
        var (close, output) = (_bars.Close, _a);
        for (var i = 0; i < close.Length; i++)
        {
            rsi.Update(close[i]);
            output[i] = rsi.Value;
        }

        return output[^1];
    }

    /// <summary>Fed the same typical-price column as the batch form (see <c>IndicatorCatalogBenchmarks</c>).</summary>
    [BenchmarkCategory("VWAP(20)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double VwapKernelStreaming()
    {
        var vwap = new VwapKernel(20);
        var (price, volume, output) = (_typical, _bars.Volume, _a);
        for (var i = 0; i < price.Length; i++)
        {
            vwap.Update(price[i], volume[i]);
            output[i] = vwap.Value;
        }

        return output[^1];
    }

    [BenchmarkCategory("STOCH(14,3,3)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "streaming kernel")]
    public double StochasticKernelStreaming()
    {
        var stoch = new StochasticKernel(14, 3, 3);
        var (high, low, close, k, d) = (_bars.High, _bars.Low, _bars.Close, _a, _b);
        for (var i = 0; i < close.Length; i++)
        {
            stoch.Update(high[i], low[i], close[i]);
            k[i] = stoch.K;
            d[i] = stoch.D;
        }

        return d[^1];
    }

    [BenchmarkCategory("STOCH(14,3,3)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double StochasticBatch()
    {
        Stochastic.Batch(_bars.High, _bars.Low, _bars.Close, _a, _b);
        return _b[^1];
    }

    [BenchmarkCategory("CCI(20)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double CciBatch()
    {
        Cci.Batch(_bars.High, _bars.Low, _bars.Close, _a, 20);
        return _a[^1];
    }

    [BenchmarkCategory("WILLR(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "batch")]
    public double WilliamsRBatch()
    {
        WilliamsR.Batch(_bars.High, _bars.Low, _bars.Close, _a, 14);
        return _a[^1];
    }

    /// <summary>
    /// The floor of any streaming update whose state lives in an object: one EMA step (one FMA) on a field, nothing
    /// else (no checks, no warm-up). The value must be stored and loaded back by the next call, so the FMA's latency
    /// is lengthened by the store-to-load forwarding latency on every update; a batch loop or a kernel in a local
    /// keeps it in a register. EMA(14) batch and kernel run at one FMA latency per bar.
    /// </summary>
    [BenchmarkCategory("EMA(14)")]
    [Benchmark(OperationsPerInvoke = Bars, Description = "floor: 1 FMA on an object field")]
    public double FieldFmaFloor()
    {
        var step = new FieldStep(Ema.Alpha(14));
        var close = _bars.Close;
        for (var i = 0; i < close.Length; i++)
        {
            step.Update(close[i]);
        }

        return step.Value;
    }

    // Inlined, so that the kernel passed in stays a register-promoted local of the caller's loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Extremes(RollingExtremumKernel kernel)
    {
        var (close, output) = (_bars.Close, _a);
        for (var i = 0; i < close.Length; i++)
        {
            kernel.Update(close[i]);
            output[i] = kernel.Value;
        }

        return output[^1];
    }

    private sealed class FieldStep(double alpha)
    {
        private readonly double _gain = alpha;
        private readonly double _decay = 1.0 - alpha;

        public double Value { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update(double input) => Value = Math.FusedMultiplyAdd(Value, _decay, _gain * input);
    }
}
