using System.Text;
using ResolutionArchive.Parsing.Akn;

namespace ResolutionArchive.Parsing.Tests.AknExport;

/// <summary>
/// Checks against the project's shared material (<c>../shared</c>), found by walking up from the test output folder
/// (<see cref="AppContext.BaseDirectory"/>) to a folder containing <c>shared/schemas</c>; skipped with the reason
/// (xunit.v3's dynamic skip, and a failure under CI=true) when it is absent, e.g. on a machine with only this repository.
/// </summary>
public class AknSharedCorpusTests
{
    /// <summary>The UN's own AKN4UN file of A/RES/76/159, the same resolution as seed 003.</summary>
    private const string UnFile = "corpus/unxml-ga/76/A_RES_76_159-2119201C.xml";

    /// <summary>The folder holding <c>schemas/</c> (../shared), or null.</summary>
    internal static string? SharedDirectory() => ResolutionArchive.Testing.RepositoryPaths.Shared("schemas") is { } schemas ? Path.GetDirectoryName(schemas) : null;

    [Fact]
    public void UnOwnFileOfSeed003Validates()
    {
        SkipWithoutShared();
        var xml = File.ReadAllText(Path.Combine(SharedDirectory()!, UnFile), Encoding.UTF8);

        AknSchema.Validate(xml).Should().BeEmpty("the UN's own file validates against the same schema (schemas/akn/README.md)");
    }

    [Fact]
    public void EmbeddedSchemaIsTheSharedCopy()
    {
        SkipWithoutShared();
        var schemas = Path.Combine(SharedDirectory()!, "schemas", "akn");
        foreach (var (file, resource) in new[] { ("akomantoso30.xsd", AknSchema.MainSchemaResource), ("xml.xsd", AknSchema.XmlSchemaResource) })
        {
            using var stream = typeof(AknSchema).Assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.ToArray().Should().Equal(File.ReadAllBytes(Path.Combine(schemas, file)), "{0} is copied unchanged", file);
        }
    }

    private static void SkipWithoutShared() =>
        ResolutionArchive.Testing.CiEnvironment.SkipIfMissing(SharedDirectory() is null ? "../shared (with schemas/ and corpus/unxml-ga/) was not found above " + AppContext.BaseDirectory : null);
}
