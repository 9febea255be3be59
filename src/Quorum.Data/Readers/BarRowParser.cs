using Quorum.Core.Time;

namespace Quorum.Data.Readers;

/// <summary>Parses one row's fields (CSV cells or JSON values) into a bar and hands it to the sink.</summary>
internal static class BarRowParser
{
    /// <summary>
    /// Parses and adds one row: the time, positive prices, a non-negative volume and, for Binance
    /// layouts, a close time consistent with the open time (and with <paramref name="timeframe"/> when given).
    /// </summary>
    public static void AddRow(
        SourceText source,
        ReadOnlySpan<byte> text,
        ReadOnlySpan<Range> fields,
        BarColumns columns,
        BarRowSink sink,
        Timeframe? timeframe,
        RowLocation location)
    {
        var indices = columns.Indices;
        var timeCell = text[fields[indices[BarColumns.TimeRole]]];
        var problem = TimestampText.TryParse(timeCell, TimeSpan.Zero, out var openTime);
        if (problem is not null)
        {
            throw source.Error(location, columns.Descriptions[BarColumns.TimeRole], CsvText.Text(timeCell), problem);
        }

        var open = Price(source, text, fields, columns, BarColumns.OpenRole, location);
        var high = Price(source, text, fields, columns, BarColumns.HighRole, location);
        var low = Price(source, text, fields, columns, BarColumns.LowRole, location);
        var close = Price(source, text, fields, columns, BarColumns.CloseRole, location);
        var volume = Number(source, text, fields, columns, BarColumns.VolumeRole, location, out var volumeCell);
        if (volume < 0)
        {
            throw source.Error(location, columns.Descriptions[BarColumns.VolumeRole], CsvText.Text(volumeCell), "is a negative volume (expected a number ≥ 0)");
        }

        long declaredLength = 0;
        if (columns.HasCloseTime)
        {
            var closeCell = text[fields[indices[BarColumns.CloseTimeRole]]];
            var description = columns.Descriptions[BarColumns.CloseTimeRole];
            problem = TimestampText.TryParse(closeCell, TimeSpan.Zero, out var closeTime, floorToMillisecond: true);
            if (problem is not null)
            {
                throw source.Error(location, description, CsvText.Text(closeCell), problem);
            }

            if (closeTime < openTime)
            {
                throw source.Error(
                    location,
                    description,
                    CsvText.Text(closeCell),
                    $"is before the open time {TimestampText.Format(openTime)} (expected close_time = open_time + bar length - 1 ms)");
            }

            if (timeframe is { } tf && closeTime != openTime + tf.Milliseconds - 1)
            {
                throw source.Error(
                    location,
                    description,
                    CsvText.Text(closeCell),
                    $"does not match the {tf} timeframe (expected {TimestampText.Format(openTime + tf.Milliseconds - 1)}, open time + {tf} - 1 ms)");
            }

            declaredLength = closeTime - openTime + 1;
        }

        sink.Add(openTime, open, high, low, close, volume, declaredLength, location);
    }

    private static decimal Price(SourceText source, ReadOnlySpan<byte> text, ReadOnlySpan<Range> fields, BarColumns columns, int role, RowLocation location)
    {
        var price = Number(source, text, fields, columns, role, location, out var cell);
        return price > 0
            ? price
            : throw source.Error(location, columns.Descriptions[role], CsvText.Text(cell), "is not a valid price (expected a number > 0)");
    }

    private static decimal Number(
        SourceText source,
        ReadOnlySpan<byte> text,
        ReadOnlySpan<Range> fields,
        BarColumns columns,
        int role,
        RowLocation location,
        out ReadOnlySpan<byte> cell)
    {
        cell = text[fields[columns.Indices[role]]];
        var status = DecimalText.TryParse(cell, out var value);
        return status == NumberParseStatus.Ok
            ? value
            : throw source.Error(location, columns.Descriptions[role], CsvText.Text(cell), DecimalText.Describe(status));
    }
}
