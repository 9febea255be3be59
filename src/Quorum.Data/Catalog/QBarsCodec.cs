using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Data.Catalog;

/// <summary>
/// Encodes and decodes the <c>.qbars</c> columnar format, version 1 (specified in docs/data-format.md).
/// All integers are little-endian; every column starts on an 8-byte boundary.
/// </summary>
internal static class QBarsCodec
{
    public const ushort Version = 1;
    public const int HeaderSize = 64;
    public const int MaxSymbolBytes = 128;
    public const int ChecksumOffset = 56;
    private const int MaxScale = 28;
    private const int RawDecimalSize = 16;

    /// <summary>"QBARS\r\n\x1A": the CR/LF/EOF bytes catch text-mode transfers.</summary>
    private static readonly byte[] Magic = "QBARS\r\n\u001A"u8.ToArray();

    private static readonly UInt128 MaxMantissa = long.MaxValue;

    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
    ];

    public static byte[] Encode(Symbol symbol, Timeframe timeframe, ReadOnlySpan<Bar> bars)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException(".qbars files are written on little-endian machines only");
        }

        var count = bars.Length;
        var symbolBytes = Encoding.ASCII.GetBytes(symbol.ToString());
        var fixedStride = true;
        for (var i = 1; i < count && fixedStride; i++)
        {
            fixedStride = bars[i].OpenTimeMs - bars[i - 1].OpenTimeMs == timeframe.Milliseconds;
        }

        var pricesRaw = !TryCommonScale(bars, prices: true, out var priceScale);
        var volumeRaw = !TryCommonScale(bars, prices: false, out var volumeScale);
        var flags = (symbol.Venue.IsSynthetic ? QBarsFlags.Synthetic : QBarsFlags.None) |
                    (fixedStride ? QBarsFlags.FixedStride : QBarsFlags.None) |
                    (pricesRaw ? QBarsFlags.PricesRaw : QBarsFlags.None) |
                    (volumeRaw ? QBarsFlags.VolumeRaw : QBarsFlags.None);
        var length = ExpectedLength(symbolBytes.Length, count, flags);
        var data = new byte[length];
        var span = data.AsSpan();

        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)flags);
        span[12] = priceScale;
        span[13] = volumeScale;
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], (ushort)symbolBytes.Length);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], timeframe.Milliseconds);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], count);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], bars[0].OpenTimeMs);
        BinaryPrimitives.WriteInt64LittleEndian(span[40..], bars[^1].OpenTimeMs);
        BinaryPrimitives.WriteInt64LittleEndian(span[48..], length);
        symbolBytes.CopyTo(span[HeaderSize..]);

        var offset = HeaderSize + Pad8(symbolBytes.Length);
        if (!fixedStride)
        {
            var steps = MemoryMarshal.Cast<byte, int>(span.Slice(offset, count * 4));
            steps[0] = 0;
            for (var i = 1; i < count; i++)
            {
                steps[i] = checked((int)((bars[i].OpenTimeMs - bars[i - 1].OpenTimeMs) / timeframe.Milliseconds));
            }

            offset += Pad8(count * 4);
        }

        var priceWidth = pricesRaw ? RawDecimalSize : 8;
        offset = WriteColumn(span, offset, bars, static b => b.Open, pricesRaw, priceScale, priceWidth);
        offset = WriteColumn(span, offset, bars, static b => b.High, pricesRaw, priceScale, priceWidth);
        offset = WriteColumn(span, offset, bars, static b => b.Low, pricesRaw, priceScale, priceWidth);
        offset = WriteColumn(span, offset, bars, static b => b.Close, pricesRaw, priceScale, priceWidth);
        offset = WriteColumn(span, offset, bars, static b => b.Volume, volumeRaw, volumeScale, volumeRaw ? RawDecimalSize : 8);

        var closed = span.Slice(offset, (count + 7) / 8);
        for (var i = 0; i < count; i++)
        {
            if (bars[i].IsClosed)
            {
                closed[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        BinaryPrimitives.WriteUInt64LittleEndian(span[ChecksumOffset..], Checksum64.Compute(span, ChecksumOffset / 8));
        return data;
    }

    /// <summary>Reads and checks the header; <paramref name="actualLength"/> is the file's size on disk.</summary>
    public static QBarsHeader ReadHeader(ReadOnlySpan<byte> data, long actualLength, string path)
    {
        if (data.Length < HeaderSize)
        {
            throw Corrupt(path, $"is truncated: {actualLength} bytes, but the header alone is {HeaderSize} bytes");
        }

        if (!data[..8].SequenceEqual(Magic))
        {
            throw Corrupt(path, "is not a .qbars file (bad magic bytes; expected \"QBARS\\r\\n\\x1A\")");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
        if (version != Version)
        {
            throw Corrupt(path, $"has format version {version}, but this build reads version {Version} only");
        }

        var flags = (QBarsFlags)BinaryPrimitives.ReadUInt16LittleEndian(data[10..]);
        if ((flags & ~QBarsFlags.Known) != 0)
        {
            throw Corrupt(path, $"has unknown header flags 0x{(ushort)flags:X4}");
        }

        var priceScale = data[12];
        var volumeScale = data[13];
        if (priceScale > MaxScale || volumeScale > MaxScale)
        {
            throw Corrupt(path, $"has decimal scales {priceScale}/{volumeScale} (at most {MaxScale})");
        }

        var symbolLength = BinaryPrimitives.ReadUInt16LittleEndian(data[14..]);
        if (symbolLength is 0 or > MaxSymbolBytes || data.Length < HeaderSize + symbolLength)
        {
            throw Corrupt(path, $"has an invalid symbol length {symbolLength}");
        }

        var symbolText = Encoding.ASCII.GetString(data.Slice(HeaderSize, symbolLength));
        if (!Symbol.TryParse(symbolText, out var symbol, out var symbolError))
        {
            throw Corrupt(path, $"names an invalid symbol: {symbolError}");
        }

        var timeframeMs = BinaryPrimitives.ReadInt64LittleEndian(data[16..]);
        if (!Timeframe.TryFromMilliseconds(timeframeMs, out var timeframe))
        {
            throw Corrupt(path, $"has an unknown timeframe of {timeframeMs} ms");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(data[24..]);
        if (count < 1)
        {
            throw Corrupt(path, $"has an invalid bar count {count}");
        }

        var reserved = BinaryPrimitives.ReadUInt32LittleEndian(data[28..]);
        if (reserved != 0)
        {
            throw Corrupt(path, $"has non-zero reserved header bytes 28-31 (0x{reserved:X8})");
        }

        var header = new QBarsHeader(
            version,
            flags,
            priceScale,
            volumeScale,
            symbol,
            timeframe,
            count,
            BinaryPrimitives.ReadInt64LittleEndian(data[32..]),
            BinaryPrimitives.ReadInt64LittleEndian(data[40..]),
            BinaryPrimitives.ReadInt64LittleEndian(data[48..]),
            BinaryPrimitives.ReadUInt64LittleEndian(data[ChecksumOffset..]));

        var expected = ExpectedLength(symbolLength, count, flags);
        if (header.FileLength != expected)
        {
            throw Corrupt(path, $"has an inconsistent header: recorded length {header.FileLength} bytes, but {count} bars need {expected}");
        }

        if (actualLength != expected)
        {
            throw Corrupt(
                path,
                actualLength < expected
                    ? $"is truncated: {actualLength} bytes, expected {expected} for {count} bars"
                    : $"has {actualLength - expected} bytes of trailing garbage ({actualLength} bytes, expected {expected})");
        }

        CheckTimeRange(header, path);
        return header;
    }

    /// <summary>
    /// The header's first and last open times must be on the timeframe grid, at least <c>count - 1</c>
    /// bars apart and, for a fixed-stride file, exactly that: so a listing, which reads only headers,
    /// still catches most header corruption that the checksum would catch on load.
    /// </summary>
    private static void CheckTimeRange(QBarsHeader header, string path)
    {
        var first = header.FirstOpenTimeMs;
        var last = header.LastOpenTimeMs;
        if (last < first)
        {
            throw Corrupt(path, "has a last open time before its first open time");
        }

        var timeframe = header.Timeframe;
        if (first < 0 || !timeframe.IsAligned(first) || !timeframe.IsAligned(last))
        {
            throw Corrupt(path, $"has first/last open times {first}/{last} that are not on the {timeframe} grid");
        }

        var minimumSpan = (header.Count - 1L) * timeframe.Milliseconds;
        if (header.IsFixedStride ? last - first != minimumSpan : last - first < minimumSpan)
        {
            throw Corrupt(
                path,
                $"has an inconsistent header: {header.Count} bars of {timeframe} cannot run from {first} to {last}" +
                (header.IsFixedStride ? " without gaps" : string.Empty));
        }
    }

    /// <summary>Checks the whole file and decodes the bars whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public static (QBarsHeader Header, Bar[] Bars) Decode(byte[] file, string path, long? fromMs, long? toMs)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException(".qbars files are read on little-endian machines only");
        }

        var data = file.AsSpan();
        var header = ReadHeader(data, data.Length, path);
        var actual = Checksum64.Compute(data, ChecksumOffset / 8);
        if (actual != header.Checksum)
        {
            throw Corrupt(path, $"fails its checksum (stored 0x{header.Checksum:X16}, computed 0x{actual:X16}): the file is corrupt");
        }

        var count = header.Count;
        var offset = HeaderSize + Pad8(Encoding.ASCII.GetByteCount(header.Symbol.ToString()));
        var times = DecodeTimes(data, ref offset, header, path);
        if (times[^1] != header.LastOpenTimeMs)
        {
            throw Corrupt(path, $"has a time column ending at {times[^1]} but a header saying {header.LastOpenTimeMs}");
        }

        var start = fromMs is { } from ? LowerBound(times, from) : 0;
        var end = toMs is { } to ? LowerBound(times, to) : count;
        if (end <= start)
        {
            return (header, []);
        }

        var bars = new Bar[end - start];
        var priceWidth = header.PricesRaw ? RawDecimalSize : 8;
        var volumeWidth = header.VolumeRaw ? RawDecimalSize : 8;
        var open = data.Slice(offset, count * priceWidth);
        var high = data.Slice(offset + (count * priceWidth), count * priceWidth);
        var low = data.Slice(offset + (2 * count * priceWidth), count * priceWidth);
        var close = data.Slice(offset + (3 * count * priceWidth), count * priceWidth);
        var volume = data.Slice(offset + (4 * count * priceWidth), count * volumeWidth);
        var closed = data.Slice(offset + (4 * count * priceWidth) + (count * volumeWidth), (count + 7) / 8);

        try
        {
            if (!header.PricesRaw && !header.VolumeRaw)
            {
                DecodeMantissas(bars, start, times, open, high, low, close, volume, closed, header.PriceScale, header.VolumeScale);
            }
            else
            {
                for (var i = start; i < end; i++)
                {
                    bars[i - start] = new Bar(
                        times[i],
                        Value(open, i, header.PricesRaw, header.PriceScale),
                        Value(high, i, header.PricesRaw, header.PriceScale),
                        Value(low, i, header.PricesRaw, header.PriceScale),
                        Value(close, i, header.PricesRaw, header.PriceScale),
                        Value(volume, i, header.VolumeRaw, header.VolumeScale),
                        (closed[i >> 3] & (1 << (i & 7))) != 0);
                }
            }
        }
        catch (ArgumentException exception)
        {
            throw Corrupt(path, $"holds an invalid decimal value ({exception.Message})", exception);
        }

        return (header, bars);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[] DecodeTimes(ReadOnlySpan<byte> data, ref int offset, QBarsHeader header, string path)
    {
        var count = header.Count;
        var tf = header.Timeframe.Milliseconds;
        var times = new long[count];
        times[0] = header.FirstOpenTimeMs;
        if (header.IsFixedStride)
        {
            for (var i = 1; i < count; i++)
            {
                times[i] = times[i - 1] + tf;
            }

            return times;
        }

        var steps = MemoryMarshal.Cast<byte, int>(data.Slice(offset, count * 4));
        for (var i = 1; i < count; i++)
        {
            if (steps[i] < 1)
            {
                throw Corrupt(path, $"has a non-increasing open time at bar {i.ToString(CultureInfo.InvariantCulture)}");
            }

            times[i] = times[i - 1] + (steps[i] * tf);
        }

        offset += Pad8(count * 4);
        return times;
    }

    public static CatalogException Corrupt(string path, string problem, Exception? inner = null) =>
        new(CatalogErrorKind.CorruptFile, $"{path}: catalog file {problem}; delete it and import the data again", inner);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DecodeMantissas(
        Bar[] bars,
        int start,
        long[] times,
        ReadOnlySpan<byte> openBytes,
        ReadOnlySpan<byte> highBytes,
        ReadOnlySpan<byte> lowBytes,
        ReadOnlySpan<byte> closeBytes,
        ReadOnlySpan<byte> volumeBytes,
        ReadOnlySpan<byte> closed,
        byte priceScale,
        byte volumeScale)
    {
        var open = MemoryMarshal.Cast<byte, long>(openBytes);
        var high = MemoryMarshal.Cast<byte, long>(highBytes);
        var low = MemoryMarshal.Cast<byte, long>(lowBytes);
        var close = MemoryMarshal.Cast<byte, long>(closeBytes);
        var volume = MemoryMarshal.Cast<byte, long>(volumeBytes);
        for (var k = 0; k < bars.Length; k++)
        {
            var i = start + k;
            bars[k] = new Bar(
                times[i],
                FromMantissa(open[i], priceScale),
                FromMantissa(high[i], priceScale),
                FromMantissa(low[i], priceScale),
                FromMantissa(close[i], priceScale),
                FromMantissa(volume[i], volumeScale),
                (closed[i >> 3] & (1 << (i & 7))) != 0);
        }
    }

    private static decimal Value(ReadOnlySpan<byte> column, int index, bool raw, byte scale)
    {
        if (!raw)
        {
            return FromMantissa(BinaryPrimitives.ReadInt64LittleEndian(column.Slice(index * 8, 8)), scale);
        }

        return new decimal(MemoryMarshal.Cast<byte, int>(column.Slice(index * RawDecimalSize, RawDecimalSize)));
    }

    private static decimal FromMantissa(long mantissa, byte scale)
    {
        var negative = mantissa < 0;
        var magnitude = negative ? (ulong)(-(mantissa + 1)) + 1 : (ulong)mantissa;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, scale);
    }

    private static int WriteColumn(Span<byte> file, int offset, ReadOnlySpan<Bar> bars, Func<Bar, decimal> selector, bool raw, byte scale, int width)
    {
        var column = file.Slice(offset, bars.Length * width);
        if (raw)
        {
            var ints = MemoryMarshal.Cast<byte, int>(column);
            for (var i = 0; i < bars.Length; i++)
            {
                decimal.GetBits(selector(bars[i]), ints.Slice(i * 4, 4));
            }
        }
        else
        {
            var longs = MemoryMarshal.Cast<byte, long>(column);
            for (var i = 0; i < bars.Length; i++)
            {
                TryMantissaAtScale(selector(bars[i]), scale, out longs[i]);
            }
        }

        return offset + column.Length;
    }

    /// <summary>The smallest scale at which every price (or every volume) is an exact int64 mantissa; false when none fits.</summary>
    private static bool TryCommonScale(ReadOnlySpan<Bar> bars, bool prices, out byte scale)
    {
        var maxScale = 0;
        foreach (var bar in bars)
        {
            if (prices)
            {
                maxScale = Math.Max(maxScale, Math.Max(Math.Max(SignificantScale(bar.Open), SignificantScale(bar.High)), Math.Max(SignificantScale(bar.Low), SignificantScale(bar.Close))));
            }
            else
            {
                maxScale = Math.Max(maxScale, SignificantScale(bar.Volume));
            }
        }

        scale = (byte)maxScale;
        foreach (var bar in bars)
        {
            var fits = prices
                ? TryMantissaAtScale(bar.Open, scale, out _) && TryMantissaAtScale(bar.High, scale, out _) &&
                  TryMantissaAtScale(bar.Low, scale, out _) && TryMantissaAtScale(bar.Close, scale, out _)
                : TryMantissaAtScale(bar.Volume, scale, out _);
            if (!fits)
            {
                scale = 0;
                return false;
            }
        }

        return true;
    }

    /// <summary>Number of decimal places of <paramref name="value"/> without trailing zeros.</summary>
    private static int SignificantScale(decimal value)
    {
        var (mantissa, scale, _) = Decompose(value);
        if (mantissa == 0)
        {
            return 0;
        }

        if (mantissa <= ulong.MaxValue)
        {
            var small = (ulong)mantissa;
            while (scale > 0 && small % 10 == 0)
            {
                small /= 10;
                scale--;
            }

            return scale;
        }

        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return scale;
    }

    /// <summary><paramref name="value"/> × 10^<paramref name="scale"/> as an int64, when that is an exact integer that fits.</summary>
    private static bool TryMantissaAtScale(decimal value, byte scale, out long result)
    {
        result = 0;
        var (mantissa, valueScale, negative) = Decompose(value);
        while (valueScale > scale)
        {
            if (mantissa % 10 != 0)
            {
                return false;
            }

            mantissa /= 10;
            valueScale--;
        }

        if (mantissa > MaxMantissa)
        {
            return false;
        }

        var small = (ulong)mantissa;
        var shift = scale - valueScale;
        if (shift > 0 && small != 0)
        {
            if (shift > 18 || small > (ulong)long.MaxValue / PowersOfTen[shift])
            {
                return false;
            }

            small *= PowersOfTen[shift];
        }

        result = negative ? -(long)small : (long)small;
        return true;
    }

    private static (UInt128 Mantissa, int Scale, bool Negative) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        return (mantissa, (bits[3] >> 16) & 0xFF, bits[3] < 0);
    }

    private static long ExpectedLength(int symbolLength, int count, QBarsFlags flags)
    {
        long priceWidth = (flags & QBarsFlags.PricesRaw) != 0 ? RawDecimalSize : 8;
        long volumeWidth = (flags & QBarsFlags.VolumeRaw) != 0 ? RawDecimalSize : 8;
        var times = (flags & QBarsFlags.FixedStride) != 0 ? 0 : Pad8((long)count * 4);
        return HeaderSize + Pad8(symbolLength) + times + (4 * count * priceWidth) + (count * volumeWidth) + Pad8((count + 7L) / 8);
    }

    private static int Pad8(int length) => (length + 7) & ~7;

    private static long Pad8(long length) => (length + 7) & ~7L;

    private static int LowerBound(long[] times, long value)
    {
        var index = Array.BinarySearch(times, value);
        return index >= 0 ? index : ~index;
    }
}
