namespace Quorum.Data.Readers;

/// <summary>The order of the rows in the source file. Bars are always returned oldest first.</summary>
public enum RowOrder
{
    /// <summary>Strictly ascending open times, as read.</summary>
    OldestFirst,

    /// <summary>
    /// Strictly descending open times, reversed on read. Only accepted for layouts documented to be
    /// newest first (<see cref="BarFileFormat.CryptoDataDownloadCsv"/>); anywhere else a descending row
    /// is reported as unsorted.
    /// </summary>
    NewestFirst,
}
