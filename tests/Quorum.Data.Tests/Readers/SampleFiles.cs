using System.Text;
using Quorum.TestKit;

namespace Quorum.Data.Tests.Readers;

/// <summary>Writes small inline samples into a scratch folder.</summary>
internal static class SampleFiles
{
    public static string Write(TempDirectory directory, string name, string content)
    {
        var path = directory.Combine(name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Joins lines with LF and ends with a newline.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
