using System.Globalization;
using Quorum.Core.Time;
using Quorum.Data.Catalog;
using Quorum.Data.Synthetic;
using Quorum.Indicators;
using Quorum.Indicators.Averages;

namespace Quorum.Cli.Tests;

public sealed class IndicatorsCommandTests
{
    [Fact]
    public void Indicators_Ema_WritesTimestampThenColumnEqualToTheLibrary()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "10", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var file = Path.Combine(cli.Home, "out.csv");

        var result = cli.Run("indicators", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h", "--indicators", "ema:14", "--out", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = File.ReadAllLines(file);
        lines[0].ShouldBe("timestamp,ema_14");
        var series = new DataCatalog(cli.DataDirectory).Load(DemoDataset.Btc, Timeframe.H1);
        var expected = new double[series.Count];
        Ema.Batch(OhlcvColumns.From(series).Close, expected, 14);
        lines.Length.ShouldBe(series.Count + 1);
        for (var i = 0; i < series.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            long.Parse(cells[0], CultureInfo.InvariantCulture).ShouldBe(series[i].OpenTimeMs);
            var value = double.Parse(cells[1], CultureInfo.InvariantCulture);
            value.Equals(expected[i]).ShouldBeTrue($"row {i}: {value} vs {expected[i]}");
        }

        lines[13].Split(',')[1].ShouldBe("NaN");
        lines[14].Split(',')[1].ShouldNotBe("NaN");
    }

    [Fact]
    public void Indicators_IssueExample_WritesTheDocumentedColumnsInOrder()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "10", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var file = Path.Combine(cli.Home, "example.csv");

        var result = cli.Run("indicators", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h",
            "--indicators", "ema:14,rsi:14,atr:14,adx:14,bb:20:2,donchian:20", "--out", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        var header = File.ReadLines(file).First().Split(',');
        header.ShouldBe([
            "timestamp", "ema_14", "rsi_14", "atr_14", "adx_14", "adx_14_plus_di", "adx_14_minus_di", "adx_14_adxr",
            "bb_20_2_middle", "bb_20_2_upper", "bb_20_2_lower", "bb_20_2_width", "bb_20_2_percent_b",
            "donchian_20_high", "donchian_20_low", "donchian_20_mid",
        ]);
        var last = File.ReadLines(file).Last().Split(',');
        last.Skip(1).ShouldAllBe(cell => double.IsFinite(double.Parse(cell, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Indicators_FromTo_RestrictsRowsButWarmsUpOnEarlierBars()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "10", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var all = Path.Combine(cli.Home, "all.csv");
        var part = Path.Combine(cli.Home, "part.csv");
        cli.Run("indicators", "--symbol", "SYNTH:ETHUSDT", "--timeframe", "1h", "--indicators", "ema:20", "--out", all).ExitCode.ShouldBe(0);

        var result = cli.Run("indicators", "--symbol", "SYNTH:ETHUSDT", "--timeframe", "1h", "--indicators", "ema:20", "--out", part,
            "--from", "2024-01-03", "--to", "2024-01-04");

        result.ExitCode.ShouldBe(0, result.ToString());
        var rows = File.ReadAllLines(part);
        rows.Length.ShouldBe(1 + 24);
        File.ReadAllLines(all).ShouldContain(rows[1]);
        rows[1].ShouldStartWith(DateTimeOffset.Parse("2024-01-03T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("nope:3", "unknown indicator 'nope'")]
    [InlineData("ema:0", "period 0 is out of range")]
    [InlineData("ema:x", "'x' is not a whole number")]
    [InlineData("ema:14,ema:14", "'ema_14' twice")]
    [InlineData("ema", "missing period")]
    public void Indicators_BadSpecification_ExitsTwoNamingIt(string specification, string expected)
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var file = Path.Combine(cli.Home, "bad.csv");

        var result = cli.Run("indicators", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h", "--indicators", specification, "--out", file);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(expected);
        File.Exists(file).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2024-01-04", "2024-01-03", "--from 2024-01-04T00:00Z is not before --to 2024-01-03T00:00Z")]
    [InlineData("2024-01-03", "2024-01-03", "is not before --to")]
    [InlineData("03/01/2024", null, "--from '03/01/2024' is not a UTC time")]
    public void Indicators_BadTimeRange_ExitsTwoNamingIt(string from, string? to, string expected)
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "10", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var file = Path.Combine(cli.Home, "range.csv");
        string[] arguments = ["indicators", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h", "--indicators", "ema:14", "--out", file, "--from", from];

        var result = cli.Run(to is null ? arguments : [.. arguments, "--to", to]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(expected);
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public void Indicators_WriteFails_LeavesNoTemporaryFileAndKeepsTheUsersTmpFile()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var folder = Directory.CreateDirectory(Path.Combine(cli.Home, "out")).FullName;
        var target = Directory.CreateDirectory(Path.Combine(folder, "taken.csv")).FullName; // a directory: the final rename fails
        var unrelated = Path.Combine(folder, "taken.csv.tmp");
        File.WriteAllText(unrelated, "mine");

        var result = cli.Run("indicators", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h", "--indicators", "ema:14", "--out", target);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        Directory.GetFiles(folder).ShouldBe([unrelated]);
        File.ReadAllText(unrelated).ShouldBe("mine");
        Directory.Exists(target).ShouldBeTrue();
    }

    [Fact]
    public void Indicators_Success_LeavesOnlyTheOutputFile()
    {
        using var cli = new CliRunner();
        cli.Run("data", "synth", "--days", "2", "--timeframe", "1h").ExitCode.ShouldBe(0);
        var folder = Directory.CreateDirectory(Path.Combine(cli.Home, "out")).FullName;
        var file = Path.Combine(folder, "ema.csv");
        File.WriteAllText(file, "old content");

        var result = cli.Run("indicators", "--symbol", "SYNTH:BTCUSDT", "--timeframe", "1h", "--indicators", "ema:14", "--out", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(folder).ShouldBe([file]);
        File.ReadLines(file).First().ShouldBe("timestamp,ema_14");
    }

    [Fact]
    public void Indicators_Help_ExplainsEveryOptionAndItsDefault()
    {
        using var cli = new CliRunner();

        var result = cli.Run("indicators", "--help");

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var text in new[] { "--symbol", "--timeframe", "--indicators", "--out", "--from", "--to", "Default: the first bar", "Default: through the last bar", "bb_20_2_upper", "NaN" })
        {
            result.Output.ShouldContain(text);
        }
    }
}
