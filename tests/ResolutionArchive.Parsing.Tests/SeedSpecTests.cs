namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// Specs/seeds/NNN.expected.json is the exact record of seed NNN (generated from the parser, then checked clause by
/// clause against the seed text: see the test project's README).
/// </summary>
public class SeedSpecTests
{
    public static TheoryData<string> Seeds => new(TestInput.SeedIds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ParsesSeedExactlyAsItsExpectedJson(string id)
    {
        var result = TestInput.ParseSeed(id);

        result.Diagnostics.Should().BeEmpty("seed {0} is a clean input", id);
        result.Resolution.Should().NotBeNull();
        var expectedJson = File.ReadAllText(Path.Combine(TestInput.SpecDirectory, "seeds", $"{id}.expected.json"));
        SpecAssert.Matches(expectedJson, result.Resolution!, $"seed {id}");
    }

    [Fact]
    public void EverySeedHasASpecAndEverySpecASeed()
    {
        var specs = Directory.GetFiles(Path.Combine(TestInput.SpecDirectory, "seeds"), "*.expected.json")
            .Select(p => Path.GetFileName(p)[..3]);
        var seeds = Directory.GetFiles(TestInput.SeedDirectory, "*.txt").Select(p => Path.GetFileName(p)[..3]);

        specs.Should().BeEquivalentTo(seeds);
        seeds.Should().BeEquivalentTo(TestInput.SeedIds);
    }
}
