using System.Buffers.Binary;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Catalog;

public sealed class QBarsCorruptionTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly DataCatalog _catalog;
    private readonly string _path;
    private readonly byte[] _original;

    public QBarsCorruptionTests()
    {
        _catalog = new DataCatalog(_directory.Combine("catalog"));
        _path = _catalog.Write(Bars.Series(Timeframe.H1, 50), CatalogWriteMode.Replace).FilePath;
        _original = File.ReadAllBytes(_path);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_WhenFileIsTruncated_ThrowsNamingFileAndSizes()
    {
        File.WriteAllBytes(_path, _original[..(_original.Length - 100)]);

        var error = Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1));

        error.Kind.ShouldBe(CatalogErrorKind.CorruptFile);
        error.Message.ShouldBe(
            $"{_path}: catalog file is truncated: {_original.Length - 100} bytes, expected {_original.Length} for 50 bars; delete it and import the data again");
    }

    [Fact]
    public void List_WhenFileIsTruncated_ThrowsNamingFile()
    {
        File.WriteAllBytes(_path, _original[..(_original.Length / 2)]);

        Should.Throw<CatalogException>(() => _catalog.List()).Message.ShouldStartWith($"{_path}: catalog file is truncated");
    }

    [Fact]
    public void Load_WhenFileIsShorterThanHeader_ThrowsNamingFile()
    {
        File.WriteAllBytes(_path, _original[..10]);

        Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1)).Message.ShouldStartWith(
            $"{_path}: catalog file is truncated: 10 bytes, but the header alone is 64 bytes");
    }

    [Fact]
    public void Load_WhenAPriceByteFlips_FailsTheChecksum()
    {
        var corrupt = (byte[])_original.Clone();
        corrupt[200] ^= 0x01;
        File.WriteAllBytes(_path, corrupt);

        var error = Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1));

        error.Message.ShouldStartWith($"{_path}: catalog file fails its checksum");
    }

    [Fact]
    public void Load_WhenMagicIsWrong_SaysItIsNotAQbarsFile()
    {
        File.WriteAllText(_path, "Date,Open,High,Low,Close,Volume\n2024-01-01,1,2,0.5,1.5,10\n2024-01-01,1,2,0.5,1.5,10\n");

        Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1)).Message.ShouldStartWith(
            $"{_path}: catalog file is not a .qbars file (bad magic bytes");
    }

    [Fact]
    public void Load_WhenVersionIsNewer_SaysWhichVersionsAreReadable()
    {
        var newer = (byte[])_original.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(newer.AsSpan(8), 2);
        File.WriteAllBytes(_path, newer);

        Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1)).Message.ShouldStartWith(
            $"{_path}: catalog file has format version 2, but this build reads version 1 only");
    }

    [Fact]
    public void Load_WhenFileIsInTheWrongPlace_SaysWhereItBelongs()
    {
        var wrongPlace = _catalog.PathOf(Bars.BtcSpot, Timeframe.H4);
        File.Copy(_path, wrongPlace);

        Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H4)).Message.ShouldStartWith(
            $"{wrongPlace}: catalog file holds BINANCE:BTCUSDT 1h, not BINANCE:BTCUSDT 4h");
        Should.Throw<CatalogException>(() => _catalog.List()).Message.ShouldBe(
            $"{wrongPlace}: catalog file holds BINANCE:BTCUSDT 1h, which belongs at {_path}; delete it and import the data again");
    }

    [Fact]
    public void Load_WhenBytesAreAppended_SaysHowManyBytesOfTrailingGarbage()
    {
        File.WriteAllBytes(_path, [.. _original, .. new byte[8]]);

        Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1)).Message.ShouldBe(
            $"{_path}: catalog file has 8 bytes of trailing garbage ({_original.Length + 8} bytes, expected {_original.Length}); delete it and import the data again");
    }

    /// <summary>
    /// Header damage that still carries a valid checksum (so it is the header check that speaks): each is
    /// caught by a listing, which reads only headers, as well as by a load.
    /// </summary>
    public static TheoryData<string, string> HeaderDamage => new()
    {
        { "unknown flag", "has unknown header flags 0x0012" },
        { "reserved bytes", "has non-zero reserved header bytes 28-31 (0x00000001)" },
        { "price scale 29", "has decimal scales 29/0 (at most 28)" },
        { "timeframe 7 ms", "has an unknown timeframe of 7 ms" },
        { "zero bars", "has an invalid bar count 0" },
        { "recorded length", "has an inconsistent header: recorded length" },
        { "first time off grid", "has first/last open times 1609459200001/1609635600000 that are not on the 1h grid" },
        { "last time too late", "has an inconsistent header: 50 bars of 1h cannot run from 1609459200000 to 1609639200000 without gaps" },
        { "last before first", "has a last open time before its first open time" },
    };

    [Theory]
    [MemberData(nameof(HeaderDamage))]
    public void ListAndLoad_WhenTheHeaderIsDamaged_NameTheFileAndTheProblem(string damage, string expected)
    {
        WriteWithValidChecksum(bytes =>
        {
            var span = bytes.AsSpan();
            switch (damage)
            {
                case "unknown flag": BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(span[10..]) | 0x10)); break;
                case "reserved bytes": span[28] = 1; break;
                case "price scale 29": span[12] = 29; break;
                case "timeframe 7 ms": BinaryPrimitives.WriteInt64LittleEndian(span[16..], 7); break;
                case "zero bars": BinaryPrimitives.WriteInt32LittleEndian(span[24..], 0); break;
                case "recorded length": BinaryPrimitives.WriteInt64LittleEndian(span[48..], bytes.Length + 8); break;
                case "first time off grid": BinaryPrimitives.WriteInt64LittleEndian(span[32..], Bars.Jan2021 + 1); break;
                case "last time too late": BinaryPrimitives.WriteInt64LittleEndian(span[40..], Bars.Jan2021 + (50 * Timeframe.HourMs)); break;
                case "last before first": BinaryPrimitives.WriteInt64LittleEndian(span[40..], Bars.Jan2021 - Timeframe.HourMs); break;
            }
        });

        var load = Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1));
        var list = Should.Throw<CatalogException>(() => _catalog.List());

        load.Kind.ShouldBe(CatalogErrorKind.CorruptFile);
        load.Message.ShouldStartWith($"{_path}: catalog file {expected}");
        list.Message.ShouldBe(load.Message);
    }

    [Fact]
    public void Load_WhenATimeStepIsNotPositive_FailsEvenWithAValidChecksum()
    {
        var gappy = Bars.Sequence(Timeframe.H1, 10).Where((_, i) => i != 4).ToArray();
        var path = _catalog.Write(new BarSeries(Bars.EthPerp, Timeframe.H1, gappy), CatalogWriteMode.Replace).FilePath;
        var bytes = File.ReadAllBytes(path);
        var steps = QBarsCodec.HeaderSize + 24; // after the 17-byte symbol "BINANCE:ETHUSDT.P", padded to 24
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(steps + (2 * 4)), 0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(QBarsCodec.ChecksumOffset), Checksum64.Compute(bytes, QBarsCodec.ChecksumOffset / 8));
        File.WriteAllBytes(path, bytes);

        Should.Throw<CatalogException>(() => _catalog.Load(Bars.EthPerp, Timeframe.H1)).Message.ShouldStartWith(
            $"{path}: catalog file has a non-increasing open time at bar 2");
    }

    [Fact]
    public void Load_EveryTruncationLength_FailsCleanly()
    {
        for (var length = 0; length < _original.Length; length += 13)
        {
            File.WriteAllBytes(_path, _original[..length]);

            Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1)).Kind.ShouldBe(CatalogErrorKind.CorruptFile);
        }
    }

    private void WriteWithValidChecksum(Action<byte[]> damage)
    {
        var bytes = (byte[])_original.Clone();
        damage(bytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(QBarsCodec.ChecksumOffset), Checksum64.Compute(bytes, QBarsCodec.ChecksumOffset / 8));
        File.WriteAllBytes(_path, bytes);
    }
}
