using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>The anchor grammar the readers write (input-formats §3.4–§3.5, §5, §7.4–§7.9), read back by <see cref="Anchor.Parse"/>.</summary>
public sealed class AnchorTests
{
    [Theory]
    [InlineData("pp1", null, AnchorKind.Preamble, "1", "")]
    [InlineData("op36", null, AnchorKind.Operative, "36", "")]
    [InlineData("op3-a-ii", null, AnchorKind.Operative, "3", "a ii")]
    [InlineData("op1-2", null, AnchorKind.Operative, "1", "2")]
    [InlineData("A-pp1", "A", AnchorKind.Preamble, "1", "")]
    [InlineData("B-op3-b", "B", AnchorKind.Operative, "3", "b")]
    [InlineData("op-u2", null, AnchorKind.UnnumberedOperative, "2", "")]
    [InlineData("A-op-u1", "A", AnchorKind.UnnumberedOperative, "1", "")]
    [InlineData("fn2", null, AnchorKind.Footnote, "2", "")]
    [InlineData("fn-star", null, AnchorKind.Footnote, "*", "")]
    [InlineData("annex1", null, AnchorKind.Annex, null, "")]
    [InlineData("annex2-p14", null, AnchorKind.AnnexParagraph, "14", "")]
    [InlineData("sponsors", null, AnchorKind.Other, null, "")]
    [InlineData("pp", null, AnchorKind.Other, null, "")]
    [InlineData("opx", null, AnchorKind.Other, null, "")]
    [InlineData("", null, AnchorKind.Other, null, "")]
    public void ReadsEachFormTheReadersWrite(string value, string? part, AnchorKind kind, string? number, string subLabels)
    {
        var anchor = Anchor.Parse(value);

        anchor.Value.Should().Be(value);
        anchor.Part.Should().Be(part);
        anchor.Kind.Should().Be(kind);
        anchor.Number.Should().Be(number);
        string.Join(' ', anchor.SubLabels).Should().Be(subLabels);
    }

    [Fact]
    public void EveryIdOfTheSeedsIsRead()
    {
        var footnotes = 0;
        foreach (var id in TestInput.SeedIds)
        {
            var resolution = TestInput.ParseSeed(id).Resolution!;
            resolution.Preamble.Select(c => Anchor.Parse(c.Id).Kind).Should().AllBeEquivalentTo(AnchorKind.Preamble, id);
            resolution.Operative.Select(c => Anchor.Parse(c.Id).Kind).Should().OnlyContain(k => k == AnchorKind.Operative || k == AnchorKind.UnnumberedOperative, id);
            resolution.Footnotes.All(f => Anchor.Parse(f.Id) is { Kind: AnchorKind.Footnote } a && a.Number == f.Marker).Should().BeTrue(id);
            footnotes += resolution.Footnotes.Count;
        }

        footnotes.Should().BeGreaterThan(0, "the seeds have footnotes");
    }
}
