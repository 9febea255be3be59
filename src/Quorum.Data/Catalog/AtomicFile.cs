namespace Quorum.Data.Catalog;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content: the bytes go
/// to a temporary file in the same directory, are flushed to disk, and the temporary file is then
/// renamed over the target (an atomic replace on POSIX file systems and NTFS). On any error the
/// temporary file is removed and the target is untouched.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Suffix of the temporary files (<c>.&lt;name&gt;.&lt;random&gt;.tmp</c> beside the target), which <see cref="DataCatalog.List"/> ignores.</summary>
    public const string TemporarySuffix = ".tmp";

    public static void Write(string path, Action<Stream> writeContent, Action<string>? beforeCommit = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? throw new ArgumentException($"'{path}' has no directory", nameof(path));
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            beforeCommit?.Invoke(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // best effort: a leftover *.tmp file is ignored by the catalog
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }
}
