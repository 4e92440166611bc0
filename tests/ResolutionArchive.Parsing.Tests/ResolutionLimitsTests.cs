using System.Text;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// Issue 14 item 7: the largest record the archive accepts (docs/input-formats.md §10). A file past a bound is refused
/// with <c>FILE:LINE</c> at the paragraph that passes it, by the reader every verb and the importer use.
/// </summary>
public sealed class ResolutionLimitsTests
{
    private const string Recall = "回顾大会以往的各项决议，";

    /// <summary>Seed 000 with <paramref name="copies"/> preambular paragraphs <paramref name="paragraph"/> after the enacting formula.</summary>
    private static string WithPreamble(int copies, string paragraph) =>
        TestInput.SeedText("000").ReplaceOnce("人权理事会，\n\n", "人权理事会，\n\n" + string.Concat(Enumerable.Repeat(paragraph + "\n\n", copies)));

    private static Diagnostics.ParseResult Read(string text) =>
        ResolutionSourceReader.Read(Encoding.UTF8.GetBytes(text), "long.txt");

    [Fact]
    public void TheSeedsKeepWellWithinTheDefaults()
    {
        foreach (var id in TestInput.SeedIds)
        {
            var result = ResolutionSourceReader.Read(TestInput.SeedBytes(id), TestInput.SeedFileName(id));
            result.Succeeded.Should().BeTrue(id);
        }
    }

    [Fact]
    public void ARecordOfMoreThan5000ParagraphsIsRefusedAtTheFirstParagraphPastTheLimit()
    {
        var text = WithPreamble(5_000, Recall);
        var firstCopy = text.LineOf(Recall);

        var result = Read(text);

        result.Succeeded.Should().BeFalse();
        // the 5,000 copies come first; the seed's own first preambular paragraph is the 5,001st
        result.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            $"long.txt:{firstCopy + 2 * 5_000}: expected at most 5000 paragraphs, sub-paragraphs and footnotes in one record (the archive's limit; the longest resolutions have about 600), found more; nothing of this file is stored");
    }

    [Fact]
    public void ARecordAtTheLimitIsRead()
    {
        var seed = ResolutionSourceReader.Read(TestInput.SeedBytes("000"), "000.txt").Resolution!;
        var own = seed.Preamble.Count + seed.Operative.Count + seed.Operative.Sum(c => c.Points.Count) + seed.Footnotes.Count;

        Read(WithPreamble(5_000 - own, Recall)).Succeeded.Should().BeTrue("5,000 paragraphs in all is within the limit");
        Read(WithPreamble(5_001 - own, Recall)).Succeeded.Should().BeFalse();
    }

    [Fact]
    public void AParagraphOfMoreThan20000CharactersIsRefusedAtItsLine()
    {
        var text = WithPreamble(1, "回顾" + new string('权', 20_000) + "，");
        var line = text.LineOf("回顾权");

        var result = Read(text);

        result.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            $"long.txt:{line}: expected a paragraph of at most 20000 characters (the archive's limit), found one of 20003; nothing of this file is stored");
    }

    [Fact]
    public void ARecordOfMoreThanAMillionCharactersIsRefusedAtTheParagraphThatPassesIt()
    {
        // 60 paragraphs of 19,000 characters: the 53rd passes 1,000,000
        var paragraph = "回顾" + new string('权', 18_997) + "，";
        var text = WithPreamble(60, paragraph);
        var first = text.LineOf(paragraph);

        var result = Read(text);

        result.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            $"long.txt:{first + 2 * 52}: expected at most 1000000 characters of text in one record (the archive's limit; the longest resolutions have about 60,000), found more; nothing of this file is stored");
    }

    [Fact]
    public void OtherLimitsCanBeGiven()
    {
        var limits = new ResolutionLimits(MaxParagraphs: 10);
        var result = ResolutionSourceReader.Read(TestInput.SeedBytes("000"), "000.txt", limits: limits);

        result.Succeeded.Should().BeFalse();
        result.Errors.Single().Message.Should().StartWith("expected at most 10 paragraphs");
    }

    [Fact]
    public void AnAknRecordIsCountedAsATextOneIs()
    {
        var akn = File.ReadAllBytes(Directory.GetFiles(Akn.AknCorpus.SampleDirectory, "*.xml").Order(StringComparer.Ordinal).First());
        var read = ResolutionSourceReader.Read(akn, "a.xml");
        read.Succeeded.Should().BeTrue();

        var refused = ResolutionSourceReader.Read(akn, "a.xml", limits: new ResolutionLimits(MaxParagraphs: 1));

        refused.Succeeded.Should().BeFalse();
        refused.Errors.Single().ToString().Should().StartWith($"a.xml:{read.Resolution!.Preamble.Concat(read.Resolution.Operative).Skip(1).First().Line}: expected at most 1 paragraphs");
    }
}
