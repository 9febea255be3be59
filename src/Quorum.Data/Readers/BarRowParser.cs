using Quorum.Core.Time;

namespace Quorum.Data.Readers;

/// <summary>Parses one row's fields (CSV cells or JSON values) into a bar and hands it to the sink.</summary>
internal static class BarRowParser
{
    /// <summary>Parses and adds one row; returns the row's declared length (close time - open time + 1 ms) or 0 when it has no close time.</summary>
    public static long AddRow(
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

        var open = Number(source, text, fields, columns, BarColumns.OpenRole, location);
        var high = Number(source, text, fields, columns, BarColumns.HighRole, location);
        var low = Number(source, text, fields, columns, BarColumns.LowRole, location);
        var close = Number(source, text, fields, columns, BarColumns.CloseRole, location);
        var volume = Number(source, text, fields, columns, BarColumns.VolumeRole, location);

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

        sink.Add(openTime, open, high, low, close, volume, location);
        return declaredLength;
    }

    private static decimal Number(SourceText source, ReadOnlySpan<byte> text, ReadOnlySpan<Range> fields, BarColumns columns, int role, RowLocation location)
    {
        var cell = text[fields[columns.Indices[role]]];
        var status = DecimalText.TryParse(cell, out var value);
        return status == NumberParseStatus.Ok
            ? value
            : throw source.Error(location, columns.Descriptions[role], CsvText.Text(cell), DecimalText.Describe(status));
    }
}
