namespace Quorum.Data;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content: the bytes go
/// to a temporary file in the same directory, are flushed to disk, and the temporary file is then
/// renamed over the target (an atomic replace on POSIX file systems and NTFS). On any error the
/// temporary file is removed and the target is untouched.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of the temporary files (<c>.&lt;name&gt;.&lt;random&gt;.tmp</c> beside the target), which <see cref="Catalog.DataCatalog.Scan"/> ignores.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Writes <paramref name="path"/> through a hidden temporary file beside it, renamed into place only when <paramref name="writeContent"/> succeeded.</summary>
    public static void Write(string path, Action<Stream> writeContent) => Write(path, writeContent, beforeCommit: null);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) atomically, as <see cref="Write(string, Action{Stream})"/>.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            stream.Write(bytes);
        });

    internal static void Write(string path, Action<Stream> writeContent, Action<string>? beforeCommit)
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
