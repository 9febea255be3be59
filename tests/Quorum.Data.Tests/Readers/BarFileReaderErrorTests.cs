using Quorum.Core.Time;
using Quorum.Data.Readers;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Readers;

public sealed class BarFileReaderErrorTests : IDisposable
{
    private const string Header = "Date,Open,High,Low,Close,Volume";
    private const string Row1 = "2024-01-01 00:00:00,1,2,0.5,1.5,10";
    private const string Row2 = "2024-01-01 01:00:00,1,2,0.5,1.5,10";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Read_WhenRowHasSevenColumns_ThrowsNamingLineAndColumnCount()
    {
        var path = Write(Header, Row1, "2024-01-01 01:00:00,1,2,0.5,1.5,10,99");

        var error = Should.Throw<DataFormatException>(() => BarFileReader.Read(path));

        error.Message.ShouldBe($"{path}: line 3: has 7 columns, expected 6 (as in the header on line 1)");
        error.Location.ShouldBe("line 3");
    }

    [Fact]
    public void Read_WhenNumberIsMalformed_ThrowsNamingLineColumnAndValue()
    {
        var path = Write(Header, Row1, "2024-01-01 01:00:00,1,2x,0.5,1.5,10");

        var error = Should.Throw<DataFormatException>(() => BarFileReader.Read(path));

        error.Message.ShouldStartWith($"{path}: line 3, column 3 (High): value '2x' is not a number (expected a decimal number");
        error.Value.ShouldBe("2x");
        error.Column.ShouldBe("column 3 (High)");
    }

    [Fact]
    public void Read_WhenNumberHasAThousandsSeparator_Throws()
    {
        var path = Write(Header, "2024-01-01 00:00:00,1,\"2 000\",0.5,1.5,10");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldContain("value '2 000' is not a number");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-inf")]
    public void Read_WhenValueIsNotFinite_ThrowsNamingValue(string value)
    {
        var path = Write(Header, $"2024-01-01 00:00:00,1,2,0.5,{value},10");

        var error = Should.Throw<DataFormatException>(() => BarFileReader.Read(path));

        error.Message.ShouldContain($"line 2, column 5 (Close): value '{value}' is not a finite number (NaN and Infinity are not allowed");
    }

    [Theory]
    [InlineData("0", "2", "0.5", "1.5", "column 2 (Open): value '0' is not a valid price (expected a number > 0)")]
    [InlineData("1", "2", "-0.5", "1.5", "column 4 (Low): value '-0.5' is not a valid price (expected a number > 0)")]
    [InlineData("1", "2", "0.5", "0", "column 5 (Close): value '0' is not a valid price (expected a number > 0)")]
    public void Read_WhenPriceIsZeroOrNegative_ThrowsNamingColumnAndValue(string open, string high, string low, string close, string expected)
    {
        var path = Write(Header, $"2024-01-01 00:00:00,{open},{high},{low},{close},10");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe($"{path}: line 2, {expected}");
    }

    [Fact]
    public void Read_WhenVolumeIsNegative_Throws()
    {
        var path = Write(Header, "2024-01-01 00:00:00,1,2,0.5,1.5,-3");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path))
            .Message.ShouldBe($"{path}: line 2, column 6 (Volume): value '-3' is a negative volume (expected a number ≥ 0)");
    }

    [Theory]
    [InlineData("-5e-1", "2", "10", "column 2 (Open): value '-5e-1' is not a valid price (expected a number > 0)")]
    [InlineData("1", "0.000e3", "10", "column 3 (High): value '0.000e3' is not a valid price (expected a number > 0)")]
    [InlineData("1", "2", "-1.0E+1", "column 6 (Volume): value '-1.0E+1' is a negative volume (expected a number ≥ 0)")]
    public void Read_WhenAnInvalidValueIsWrittenInExponentNotation_QuotesItAsWritten(string open, string high, string volume, string expected)
    {
        var path = Write(Header, $"2024-01-01 00:00:00,{open},{high},0.5,1,{volume}");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe($"{path}: line 2, {expected}");
    }

    [Fact]
    public void Read_WhenANumberWouldNeedRounding_RefusesInsteadOfRounding()
    {
        var path = Write(Header, "2024-01-01 00:00:00,1,2,0.5,1.5,9.9999999999999999999999999999");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe(
            $"{path}: line 2, column 6 (Volume): value '9.9999999999999999999999999999' cannot be represented exactly as a decimal " +
            "(at most 28 decimal places and a magnitude below 7.9e28; values are never rounded)");
    }

    [Fact]
    public void Read_WhenHighIsBelowLow_ThrowsNamingBoth()
    {
        var path = Write(Header, Row1, "2024-01-01 01:00:00,1,0.9,1.1,1,10");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path))
            .Message.ShouldBe($"{path}: line 3: high 0.9 is below low 1.1 (expected high ≥ low)");
    }

    [Theory]
    [InlineData("2024-13-01 00:00:00", "is not a valid calendar date")]
    [InlineData("2024-01-01 25:00:00", "hour, minute or second out of range")]
    [InlineData("yesterday", "is not a time")]
    [InlineData("2024-01-01 00:00:00.0005", "sub-millisecond precision")]
    [InlineData("2024-01-01 00:00:00+99:00", "UTC offset out of range")]
    public void Read_WhenTimeIsUnparseable_ThrowsNamingValue(string time, string expected)
    {
        var path = Write(Header, Row1.Replace("2024-01-01 00:00:00", time, StringComparison.Ordinal));

        var error = Should.Throw<DataFormatException>(() => BarFileReader.Read(path));

        error.Message.ShouldStartWith($"{path}: line 2, column 1 (Date): value '{time}' ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Read_WhenRowsAreDuplicated_ThrowsNamingBothRows()
    {
        var path = Write(Header, Row1, Row2, Row2);

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe(
            $"{path}: line 4, column 1 (Date): open time 2024-01-01 01:00:00 UTC (1704070800000) duplicates line 3 (each open time must appear once)");
    }

    [Fact]
    public void Read_WhenRowsAreNewestFirst_ThrowsUnsortedNamingBothRowsInsteadOfReordering()
    {
        var path = Write(Header, Row2, Row1);

        var error = Should.Throw<DataFormatException>(() => BarFileReader.Read(path));

        error.Message.ShouldBe(
            $"{path}: line 3, column 1 (Date): open time 2024-01-01 00:00:00 UTC (1704067200000) is before 2024-01-01 01:00:00 UTC (1704070800000) on line 2: " +
            "rows must be oldest first with strictly ascending open times (rows are never reordered)");
    }

    [Fact]
    public void Read_WhenCryptoDataDownloadFileIsNotMonotonic_ThrowsNamingBothRows()
    {
        var path = Write(
            "Timestamps are UTC timezone,https://www.CryptoDataDownload.com",
            "date,symbol,open,high,low,close,volume_btc,volume",
            "2017-11-12 09-AM,BTCUSD,6201,6289.99,6000,6241.81,1862.81,11425120.6",
            "2017-11-12 03-AM,BTCUSD,6172.93,6485.67,6113.85,6201,3891.25,24503261.14",
            "2017-11-12 08-AM,BTCUSD,6172.93,6485.67,6113.85,6201,3891.25,24503261.14");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe(
            $"{path}: line 5, column 1 (date): open time 2017-11-12 08:00:00 UTC (1510473600000) is after 2017-11-12 03:00:00 UTC (1510455600000) on line 4: " +
            "this file is newest first, so open times must strictly decrease (rows are never reordered)");
    }

    [Fact]
    public void Read_WhenTimeIsNotAlignedToGivenTimeframe_Throws()
    {
        var path = Write(Header, Row1, "2024-01-01 01:30:00,1,2,0.5,1.5,10");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path, Timeframe.H1)).Message.ShouldContain(
            "line 3, column 1 (Date): open time 2024-01-01 01:30:00 UTC (1704072600000) is not aligned to the 1h timeframe");
    }

    [Fact]
    public void Read_WhenBinanceCloseTimeDoesNotMatchGivenTimeframe_Throws()
    {
        var path = Write("1704067200000,1,2,0.5,1.5,10,1704070799999,0,0,0,0,0");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path, Timeframe.H4)).Message.ShouldBe(
            $"{path}: line 1, column 7 (close time): value '1704070799999' does not match the 4h timeframe (expected 2024-01-01 03:59:59.999 UTC (1704081599999), open time + 4h - 1 ms)");
    }

    [Fact]
    public void Read_WhenFileIsEmpty_Throws()
    {
        var path = SampleFiles.Write(_directory, "empty.csv", string.Empty);

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe($"{path}: is empty (expected bars as CSV or JSON)");
    }

    [Fact]
    public void Read_WhenFileIsOnlyWhitespace_Throws()
    {
        var path = SampleFiles.Write(_directory, "blank.csv", "\n \r\n");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldContain("is empty");
    }

    [Fact]
    public void Read_WhenHeaderHasNoRows_Throws()
    {
        var path = Write(Header);

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe($"{path}: has a header on line 1 but no data rows");
    }

    [Fact]
    public void Read_WhenHeaderLacksVolume_ThrowsListingColumnsFound()
    {
        var path = Write("Date,Open,High,Low,Close", "2024-01-01,1,2,0.5,1.5");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe(
            $"{path}: line 1: header has no 'volume' (found: Date,Open,High,Low,Close; expected e.g. Date,Open,High,Low,Close,Volume)");
    }

    [Fact]
    public void Read_WhenHeaderLacksATimeColumn_SaysWhichNamesAreAccepted()
    {
        var path = Write("When,Open,High,Low,Close,Volume", "2024-01-01,1,2,0.5,1.5,10");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe(
            $"{path}: line 1: header has no time column (date, datetime, timestamp, time, open_time or unix) " +
            "(found: When,Open,High,Low,Close,Volume; expected e.g. Date,Open,High,Low,Close,Volume)");
    }

    [Theory]
    [InlineData(";", "found ';'")]
    [InlineData("\t", "found tabs")]
    public void Read_WhenFieldsAreNotCommaSeparated_SaysSo(string separator, string expected)
    {
        var path = Write(string.Join(separator, "Date", "Open", "High", "Low", "Close", "Volume"), string.Join(separator, "2024-01-01", "1", "2", "0.5", "1.5", "10"));

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldEndWith($"(fields must be separated by commas, {expected})");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'D', 0, (byte)'a', 0 }, "is UTF-16 text or binary data (expected UTF-8 or ASCII text; save it as UTF-8)")]
    [InlineData(new byte[] { (byte)'D', 0, (byte)'a', 0 }, "is UTF-16 text or binary data (expected UTF-8 or ASCII text; save it as UTF-8)")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'D', 0, 0, 0 }, "is UTF-32 text (expected UTF-8 or ASCII text; save it as UTF-8)")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0 }, "is a ZIP archive (expected UTF-8 or ASCII text; unzip it first: data.binance.vision serves each CSV inside a .zip)")]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0 }, "is gzip-compressed (expected UTF-8 or ASCII text; decompress it first)")]
    public void Read_WhenFileIsNotUtf8Text_SaysWhatItIs(byte[] content, string expected)
    {
        var path = _directory.Combine("not-text.csv");
        File.WriteAllBytes(path, content);

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe($"{path}: {expected}");
    }

    [Fact]
    public void Read_WhenBinanceCloseTimeIsBeforeOpenTime_ThrowsNamingIt()
    {
        var path = Write("1704067200000,1,2,0.5,1.5,10,1704067199999,0,0,0,0,0");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe(
            $"{path}: line 1, column 7 (close time): value '1704067199999' is before the open time 2024-01-01 00:00:00 UTC (1704067200000) " +
            "(expected close_time = open_time + bar length - 1 ms)");
    }

    [Fact]
    public void Read_WhenHeaderlessRowHasEightColumns_ThrowsExplainingAcceptedWidths()
    {
        var path = Write("1704067200000,1,2,0.5,1.5,10,0,0");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldStartWith(
            $"{path}: line 1: has 8 columns and no header; a header-less file must have 6 columns");
    }

    [Fact]
    public void Read_WhenEpochMicrosecondsAreNotWholeMilliseconds_Throws()
    {
        var path = Write("1704067200000500,1,2,0.5,1.5,10");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldContain(
            "value '1704067200000500' is an epoch time in microseconds that is not a whole millisecond");
    }

    [Fact]
    public void Read_WhenJsonElementHasWrongFieldCount_ThrowsNamingElementIndex()
    {
        var path = SampleFiles.Write(_directory, "bad.json", "[[1704067200000,1,2,0.5,1.5,10],\n[1704070800000,1,2,0.5,1.5]]");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe(
            $"{path}: element [1] (line 2): has 5 fields, expected 6 (as element [0])");
    }

    [Fact]
    public void Read_WhenJsonValueIsNull_ThrowsNamingElementAndField()
    {
        var path = SampleFiles.Write(_directory, "null.json", "[[1704067200000,1,null,0.5,1.5,10]]");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe(
            $"{path}: element [0] (line 1), field [2]: is a JSON null (expected a number or a numeric string)");
    }

    [Fact]
    public void Read_WhenJsonStringNumberIsMalformed_ThrowsNamingField()
    {
        var path = SampleFiles.Write(_directory, "klines.json",
            "[[1499040000000,\"0.0163\",\"0.8\",\"abc\",\"0.0157\",\"148976.1\",1499644799999,\"0\",308,\"0\",\"0\",\"0\"]]");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldStartWith(
            $"{path}: element [0] (line 1), field [3] (low): value 'abc' is not a number");
    }

    [Fact]
    public void Read_WhenJsonIsTruncated_ThrowsNamingLine()
    {
        var path = SampleFiles.Write(_directory, "cut.json", "[[1704067200000,1,2,0.5,1.5,10],\n[1704070800000,1,2");

        var error = Should.Throw<DataFormatException>(() => BarFileReader.Read(path));

        error.Message.ShouldStartWith($"{path}: line 2: is not valid JSON");
    }

    [Fact]
    public void Read_WhenJsonHasContentAfterTheArray_ThrowsNamingTheLine()
    {
        var path = SampleFiles.Write(_directory, "two.json", "[[1704067200000,1,2,0.5,1.5,10]]\n[[1704070800000,1,2,0.5,1.5,10]]");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldStartWith(
            $"{path}: line 2: is not valid JSON ('[' is invalid after a single JSON value.");
    }

    [Fact]
    public void Read_WhenJsonIsAnErrorObject_ThrowsExplaining()
    {
        var path = SampleFiles.Write(_directory, "error.json", "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldStartWith($"{path}: holds a JSON object");
    }

    [Fact]
    public void Read_WhenJsonArrayIsEmpty_Throws()
    {
        var path = SampleFiles.Write(_directory, "empty.json", "[]");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldBe($"{path}: holds an empty JSON array (expected at least one kline)");
    }

    [Fact]
    public void Read_WhenJsonTimesAreUnsorted_ThrowsNamingBothElements()
    {
        var path = SampleFiles.Write(_directory, "unsorted.json", "[[1704070800000,1,2,0.5,1.5,10],[1704067200000,1,2,0.5,1.5,10]]");

        Should.Throw<DataFormatException>(() => BarFileReader.Read(path)).Message.ShouldContain(
            "element [1] (line 1), field [0] (open time): open time 2024-01-01 00:00:00 UTC (1704067200000) is before 2024-01-01 01:00:00 UTC (1704070800000) on element [0] (line 1)");
    }

    [Fact]
    public void Read_WhenFileDoesNotExist_ThrowsFileNotFound()
    {
        Should.Throw<FileNotFoundException>(() => BarFileReader.Read(_directory.Combine("missing.csv")));
    }

    [Fact]
    public void Read_WhenTimeframeIsDefault_ThrowsArgumentException()
    {
        var path = Write(Header, Row1);

        Should.Throw<ArgumentException>(() => BarFileReader.Read(path, default(Timeframe))).ParamName.ShouldBe("timeframe");
    }

    private string Write(params string[] lines) => SampleFiles.Write(_directory, $"sample-{Guid.NewGuid():N}.csv", SampleFiles.Lines(lines));
}
