using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Tests.Import;

public sealed class ResolutionMergerTests
{
    private static ParsedResolution Seed003() =>
        ResolutionTextParser.Parse(File.ReadAllBytes(Seeds.PathOf("003")), "seed-003.txt").Resolution!;

    [Fact]
    public void ASecondSourceFillsWhatTheFirstDoesNotStateAndOverwritesNothing()
    {
        var text = Seed003();
        var other = text with
        {
            Title = "another title",
            Vote = Vote.WithoutVote,
            Sponsors = [new Sponsor("CUB", null, "Cuba (on behalf of the Movement of Non-Aligned Countries)"), new Sponsor("CHN", null, "China", Additional: true)],
            Preamble = [],
            Operative = [text.Operative[0] with { Text = "changed" }],
        };

        var merged = ResolutionMerger.Merge([("seed-003.txt", text), ("76_159.xml", other)]);

        ResolutionJson.Serialize(merged.Resolution).Should().Be(ResolutionJson.Serialize(text with { Vote = Vote.WithoutVote, Sponsors = other.Sponsors }));
        merged.FieldSources.Should().Contain(new KeyValuePair<string, string>("vote", "76_159.xml"))
            .And.Contain(new KeyValuePair<string, string>("sponsors", "76_159.xml"))
            .And.Contain(new KeyValuePair<string, string>("text", "seed-003.txt"))
            .And.Contain(new KeyValuePair<string, string>("title", "seed-003.txt"))
            .And.Contain(new KeyValuePair<string, string>("committeeReport", "seed-003.txt"));
    }

    [Fact]
    public void TakesTheTextFromTheFirstSourceThatHasOperativeParagraphs()
    {
        var text = Seed003();
        var empty = text with { Preamble = [], Operative = [], Footnotes = [], CommitteeReport = null };

        var merged = ResolutionMerger.Merge([("empty.xml", empty), ("seed-003.txt", text)]);

        merged.Resolution.Operative.Should().HaveCount(17);
        merged.Resolution.Footnotes.Should().HaveCount(6);
        merged.Resolution.CommitteeReport.Should().Be(text.CommitteeReport);
        merged.FieldSources["text"].Should().Be("seed-003.txt");
        merged.FieldSources["committeeReport"].Should().Be("seed-003.txt");
        // a source without text comes after every source with text, whatever the import order (input-formats §11.5)
        merged.FieldSources["symbol"].Should().Be("seed-003.txt");
    }

    [Fact]
    public void TheLibrarysDraftSymbolFillsATextThatStatesNoneAndADifferentOneIsAConflict()
    {
        var text = Seed003();
        var library = text with { Preamble = [], Operative = [], Footnotes = [], DraftSymbol = "A/C.3/76/L.37" };

        var filled = ResolutionMerger.Merge([("seed-003.txt", text), ("undl.csv", library)]);
        var differing = ResolutionMerger.Merge([("76_159.xml", text with { DraftSymbol = "A/C.3/76/L.38" }), ("undl.csv", library)]);

        filled.Resolution.DraftSymbol.Should().Be("A/C.3/76/L.37");
        filled.FieldSources["draftSymbol"].Should().Be("undl.csv");
        differing.Resolution.DraftSymbol.Should().Be("A/C.3/76/L.38", "the text's value is kept (input-formats §11.5)");
        differing.Conflicts.Should().ContainSingle().Which.Message.Should().Contain("the draft A/C.3/76/L.38 in the text, A/C.3/76/L.37 in the Library's data");
    }

    [Fact]
    public void RefusesToMergeNothing() =>
        FluentActions.Invoking(() => ResolutionMerger.Merge([])).Should().Throw<ArgumentException>();
}
