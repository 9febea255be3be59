using Quorum.TestKit;

namespace Quorum.Data.Tests.Catalog;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Write_ReplacesTheTargetAndLeavesNoTemporaryFile()
    {
        var path = _directory.Combine("out", "file.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);

        AtomicFile.Write(path, stream => stream.Write([4, 5]));

        File.ReadAllBytes(path).ShouldBe([4, 5]);
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
    }

    [Fact]
    public void Write_WhenWritingTheContentFailsHalfway_KeepsTheTargetAndRemovesTheTemporaryFile()
    {
        var path = _directory.Combine("file.bin");
        File.WriteAllBytes(path, [1, 2, 3]);
        string? temporary = null;

        Should.Throw<IOException>(() => AtomicFile.Write(path, stream =>
        {
            temporary = ((FileStream)stream).Name;
            stream.Write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        }));

        File.ReadAllBytes(path).ShouldBe([1, 2, 3]);
        temporary.ShouldNotBeNull();
        Path.GetFileName(temporary).ShouldStartWith(".file.bin.");
        Path.GetFileName(temporary).ShouldEndWith(AtomicFile.TemporarySuffix);
        File.Exists(temporary).ShouldBeFalse();
        Directory.GetFiles(_directory.Path).ShouldBe([path]);
    }

    [Fact]
    public void Write_WhenTheTargetDidNotExistAndWritingFails_CreatesNoFile()
    {
        var path = _directory.Combine("new.bin");

        Should.Throw<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException("bug in the writer")));

        Directory.GetFiles(_directory.Path).ShouldBeEmpty();
    }
}
