namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// Specs/variants/NAME.txt is parsed and compared with Specs/variants/NAME.expected.json: small hand-written inputs for
/// the layouts the seeds do not show (a resumed plenary meeting, sub-paragraphs, two-digit footnote markers, 票对, 和
/// inside names, 未经表决, markdown emphasis and links).
/// </summary>
public class VariantSpecTests
{
    private static string VariantDirectory => Path.Combine(TestInput.SpecDirectory, "variants");

    public static TheoryData<string> Variants =>
        new(Directory.GetFiles(VariantDirectory, "*.txt").Select(Path.GetFileNameWithoutExtension).Order().Cast<string>());

    [Theory]
    [MemberData(nameof(Variants))]
    public void ParsesVariantExactlyAsItsExpectedJson(string name)
    {
        var file = $"{name}.txt";
        var result = ResolutionTextParser.Parse(File.ReadAllBytes(Path.Combine(VariantDirectory, file)), file);

        result.Diagnostics.Should().BeEmpty();
        var expectedJson = File.ReadAllText(Path.Combine(VariantDirectory, $"{name}.expected.json"));
        SpecAssert.Matches(expectedJson, result.Resolution!, $"variant {name}");
    }

    [Fact]
    public void FindsEveryVariantWithItsExpectedJson()
    {
        var inputs = Directory.GetFiles(VariantDirectory, "*.txt").Select(Path.GetFileNameWithoutExtension);
        var outputs = Directory.GetFiles(VariantDirectory, "*.expected.json").Select(p => Path.GetFileName(p)[..^".expected.json".Length]);

        inputs.Should().HaveCountGreaterThanOrEqualTo(3).And.BeEquivalentTo(outputs);
    }
}
