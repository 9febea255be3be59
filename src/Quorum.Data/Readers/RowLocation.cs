namespace Quorum.Data.Readers;

/// <summary>Where a row is: a 1-based CSV line, or a 0-based JSON array element index with its byte offset.</summary>
internal readonly record struct RowLocation(long Index, long ByteOffset, bool IsJsonElement)
{
    public static RowLocation Line(long lineNumber) => new(lineNumber, 0, false);

    public static RowLocation Element(long index, long byteOffset) => new(index, byteOffset, true);
}
