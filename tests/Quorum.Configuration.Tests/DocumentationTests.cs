using Quorum.TestKit;
using YamlDotNet.RepresentationModel;

namespace Quorum.Configuration.Tests;

/// <summary>docs/configuration.md keeps up with the shipped files and the code's name lists.</summary>
public sealed class DocumentationTests
{
    private static readonly string Docs = File.ReadAllText(Repository.Combine("docs", "configuration.md"));

    public static TheoryData<string> Files => new(ConfigLoader.FileNames);

    [Theory]
    [MemberData(nameof(Files))]
    public void ConfigurationDoc_NamesEveryKeyOfTheShippedFile(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repository.ConfigsDirectory, file))));

        var undocumented = Keys(stream.Documents[0].RootNode)
            .Where(key => !Docs.Contains($"`{key}", StringComparison.Ordinal) && !Docs.Contains($".{key}`", StringComparison.Ordinal) && !Docs.Contains($"{key}:", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        undocumented.ShouldBeEmpty();
    }

    [Fact]
    public void ConfigurationDoc_NamesEveryEnvironmentVariableStrategyAndRegime()
    {
        foreach (var name in EnvironmentVariables.All.Concat(KnownStrategies.Names).Concat(RegimeLabels.All).Concat(FeedStreams.All))
        {
            Docs.ShouldContain($"`{name}`");
        }
    }

    private static IEnumerable<string> Keys(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(c => new[] { ((YamlScalarNode)c.Key).Value! }.Concat(Keys(c.Value))),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Keys),
        _ => [],
    };
}
