using System.Buffers.Binary;
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
    public void Load_EveryTruncationLength_FailsCleanly()
    {
        for (var length = 0; length < _original.Length; length += 13)
        {
            File.WriteAllBytes(_path, _original[..length]);

            Should.Throw<CatalogException>(() => _catalog.Load(Bars.BtcSpot, Timeframe.H1)).Kind.ShouldBe(CatalogErrorKind.CorruptFile);
        }
    }
}
