using System.Xml.Linq;

namespace Quorum.Architecture.Tests;

/// <summary>
/// DESIGN.md §3: dependencies point inward — Core ← Indicators ← Data ← Strategies/Risk/Execution
/// ← Agents/Research ← Host ← Cli; Exchanges and Persistence implement interfaces declared in
/// Core; nothing in Core references a venue, a database or the web.
/// </summary>
public sealed class ProjectReferenceDirectionTests
{
    /// <summary>Layer of every src project; a project may reference only projects of a lower layer.</summary>
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["Quorum.Core"] = 0,
        ["Quorum.Indicators"] = 1,
        ["Quorum.Configuration"] = 1,
        ["Quorum.Data"] = 2,
        ["Quorum.Strategies"] = 3,
        ["Quorum.Risk"] = 3,
        ["Quorum.Execution"] = 3,
        ["Quorum.Exchanges"] = 3,
        ["Quorum.Persistence"] = 3,
        ["Quorum.Monitoring"] = 4,
        ["Quorum.Agents"] = 4,
        ["Quorum.Research"] = 4,
        ["Quorum.Host"] = 5,
        ["Quorum.Cli"] = 6,
    };

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in RepositoryLayout.SourceProjects())
        {
            data.Add(Path.GetFileNameWithoutExtension(project));
        }

        return data;
    }

    [Fact]
    public void EverySourceProject_HasADeclaredLayer()
    {
        var undeclared = RepositoryLayout.SourceProjects()
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !Layers.ContainsKey(name!))
            .ToList();

        undeclared.ShouldBeEmpty("add new projects to the layer map in this test and to DESIGN.md/docs/architecture.md");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_PointOnlyInward(string project)
    {
        var layer = Layers[project];

        var violations = ProjectReferencesOf(project)
            .Where(reference => !Layers.TryGetValue(reference, out var referencedLayer) || referencedLayer >= layer)
            .ToList();

        violations.ShouldBeEmpty($"{project} (layer {layer}) may only reference lower layers");
    }

    [Fact]
    public void Core_ReferencesNoProjectAndNoPackage()
    {
        var document = XDocument.Load(Path.Combine(RepositoryLayout.Src, "Quorum.Core", "Quorum.Core.csproj"));

        document.Descendants("ProjectReference").ShouldBeEmpty();
        document.Descendants("PackageReference").ShouldBeEmpty();
        document.Descendants("FrameworkReference").ShouldBeEmpty();
    }

    [Fact]
    public void ReferencedProjects_AreRealProjects()
    {
        foreach (var project in RepositoryLayout.SourceProjects())
        {
            foreach (var include in XDocument.Load(project).Descendants("ProjectReference").Select(e => (string?)e.Attribute("Include")))
            {
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include!.Replace('\\', '/')));
                File.Exists(path).ShouldBeTrue($"{RepositoryLayout.Relative(project)} references missing {include}");
            }
        }
    }

    private static IEnumerable<string> ProjectReferencesOf(string project)
    {
        var path = Path.Combine(RepositoryLayout.Src, project, project + ".csproj");
        return XDocument.Load(path)
            .Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', '/')));
    }
}
