namespace Quorum.Data.Readers;

/// <summary>Where the bar fields are in a row, and how to name each in messages.</summary>
internal sealed class BarColumns
{
    public const int TimeRole = 0;
    public const int OpenRole = 1;
    public const int HighRole = 2;
    public const int LowRole = 3;
    public const int CloseRole = 4;
    public const int VolumeRole = 5;
    public const int CloseTimeRole = 6;

    /// <summary>Role names in role order.</summary>
    public static readonly string[] RoleNames = ["open time", "open", "high", "low", "close", "volume", "close time"];

    private BarColumns(int[] indices, string[] descriptions, int count)
    {
        Indices = indices;
        Descriptions = descriptions;
        ColumnCount = count;
    }

    /// <summary>Field index of each role (<see cref="TimeRole"/> … <see cref="CloseTimeRole"/>); -1 when absent.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>How each role's column is named in messages, e.g. <c>column 3 (High)</c>.</summary>
    public IReadOnlyList<string> Descriptions { get; }

    /// <summary>Number of fields every row must have.</summary>
    public int ColumnCount { get; }

    public bool HasCloseTime => Indices[CloseTimeRole] >= 0;

    /// <summary>Roles at fixed positions: time, open, high, low, close, volume[, close time at 6].</summary>
    public static BarColumns Positional(int count, bool withCloseTime, bool json)
    {
        int[] indices = [0, 1, 2, 3, 4, 5, withCloseTime ? 6 : -1];
        var descriptions = new string[indices.Length];
        for (var role = 0; role < indices.Length; role++)
        {
            descriptions[role] = json
                ? $"field [{indices[role]}] ({RoleNames[role]})"
                : CsvText.DescribeColumn(indices[role], RoleNames[role]);
        }

        return new BarColumns(indices, descriptions, count);
    }

    /// <summary>Roles found by header name; <paramref name="headerNames"/> as written in the file.</summary>
    public static BarColumns Named(int[] indices, IReadOnlyList<string> headerNames)
    {
        var descriptions = new string[indices.Length];
        for (var role = 0; role < indices.Length; role++)
        {
            descriptions[role] = indices[role] < 0
                ? RoleNames[role]
                : CsvText.DescribeColumn(indices[role], headerNames[indices[role]]);
        }

        return new BarColumns(indices, descriptions, headerNames.Count);
    }
}
