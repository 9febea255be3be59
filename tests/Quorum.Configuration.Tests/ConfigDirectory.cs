using System.Text.RegularExpressions;
using Quorum.TestKit;

namespace Quorum.Configuration.Tests;

/// <summary>A scratch copy of the repository's configs/ that a test can edit key by key.</summary>
internal sealed partial class ConfigDirectory : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ConfigDirectory(bool copyShipped = true)
    {
        if (copyShipped)
        {
            foreach (var file in ConfigLoader.FileNames)
            {
                File.Copy(System.IO.Path.Combine(Repository.ConfigsDirectory, file), FilePath(file));
            }
        }
    }

    public string Path => _temp.Path;

    public string FilePath(string file) => _temp.Combine(file);

    public string Read(string file) => File.ReadAllText(FilePath(file));

    public ConfigDirectory Write(string file, string text)
    {
        File.WriteAllText(FilePath(file), text);
        return this;
    }

    public ConfigDirectory Delete(string file)
    {
        File.Delete(FilePath(file));
        return this;
    }

    /// <summary>Replaces the first occurrence of <paramref name="oldText"/> in <paramref name="file"/>; fails the test if it is not found.</summary>
    public ConfigDirectory Replace(string file, string oldText, string newText)
    {
        var text = Read(file);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"test setup: '{oldText}' not in {file}");
        return Write(file, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
    }

    /// <summary>Sets the value of the first line <c>key: value</c> (any indentation, or a list item <c>- key: value</c>), keeping its comment.</summary>
    public ConfigDirectory Set(string file, string key, string value)
    {
        var text = Read(file);
        var pattern = new Regex($@"^(?<prefix>[ \t]*(?:-[ \t]+)?{Regex.Escape(key)}:)[ \t]*(?<value>[^#\n]*?)(?<comment>[ \t]+#[^\n]*)?$", RegexOptions.Multiline);
        pattern.IsMatch(text).ShouldBeTrue($"test setup: key '{key}' not in {file}");
        var replaced = pattern.Replace(text, m => $"{m.Groups["prefix"].Value} {value}{m.Groups["comment"].Value}", 1);
        return Write(file, replaced);
    }

    /// <summary>Removes the first line <c>key: value</c>.</summary>
    public ConfigDirectory Remove(string file, string key)
    {
        var text = Read(file);
        var pattern = new Regex($@"^[ \t]*{Regex.Escape(key)}:[^\n]*\n", RegexOptions.Multiline);
        pattern.IsMatch(text).ShouldBeTrue($"test setup: key '{key}' not in {file}");
        return Write(file, pattern.Replace(text, string.Empty, 1));
    }

    public QuorumConfiguration Load() => ConfigLoader.LoadDirectory(Path);

    public QuorumConfiguration Load(IReadOnlyDictionary<string, string?> environment) => ConfigLoader.LoadDirectory(Path, environment);

    /// <summary>Loads, expecting failure; returns the exception.</summary>
    public ConfigValidationException LoadFails() => Should.Throw<ConfigValidationException>(() => ConfigLoader.LoadDirectory(Path));

    public ConfigValidationException LoadFails(IReadOnlyDictionary<string, string?> environment) =>
        Should.Throw<ConfigValidationException>(() => ConfigLoader.LoadDirectory(Path, environment));

    public void Dispose() => _temp.Dispose();
}
