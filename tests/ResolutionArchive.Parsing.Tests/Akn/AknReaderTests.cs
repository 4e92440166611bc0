using System.Text;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests.Akn;

/// <summary>Sniffing, bad input, sponsors, and the structures of the vendored sample (input-formats §7).</summary>
public class AknReaderTests
{
    private const string Ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static ParsedResolution Sample(string name)
    {
        var result = AknResolutionReader.Read(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, name)), name);
        result.Errors.Should().BeEmpty();
        return result.Resolution!;
    }

    [Theory]
    [InlineData($"<akomaNtoso xmlns=\"{Ns}\"/>")]
    [InlineData($"\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- unofficial copy -->\n  <akomaNtoso xmlns=\"{Ns}\"><statement/></akomaNtoso>")]
    [InlineData($"<?xml version=\"1.0\"?><?pi x?><a:akomaNtoso xmlns:a=\"{Ns}\">")]
    public void SniffsAkn(string text) => AknResolutionReader.LooksLikeAkn(Encoding.UTF8.GetBytes(text)).Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("大会，\n\n1. 决定")]
    [InlineData("<akomaNtoso/>")]
    [InlineData("<akomaNtoso xmlns=\"http://example.org/other\"/>")]
    [InlineData($"<html xmlns=\"{Ns}\"/>")]
    [InlineData($"<!DOCTYPE akomaNtoso [<!ENTITY x \"y\">]><akomaNtoso xmlns=\"{Ns}\"/>")]
    [InlineData("<?xml version=\"1.0\"?><!-- only a comment -->")]
    public void SniffsOtherInputAsNotAkn(string text) => AknResolutionReader.LooksLikeAkn(Encoding.UTF8.GetBytes(text)).Should().BeFalse();

    [Fact]
    public void SniffsTheSampleAndNotTheSeeds()
    {
        foreach (var file in Directory.GetFiles(AknCorpus.SampleDirectory, "*.xml"))
        {
            AknResolutionReader.LooksLikeAkn(File.ReadAllBytes(file)).Should().BeTrue(file);
        }

        foreach (var id in TestInput.SeedIds)
        {
            AknResolutionReader.LooksLikeAkn(TestInput.SeedBytes(id)).Should().BeFalse(id);
        }
    }

    [Theory]
    [InlineData("大会，\n\n1. 决定", 1, "well-formed")]
    [InlineData($"<akomaNtoso xmlns=\"{Ns}\">\n<statement>\n<meta>\n", 4, "well-formed")]
    [InlineData("<?xml version=\"1.0\"?>\n<root/>", 2, "akomaNtoso")]
    [InlineData($"<!DOCTYPE akomaNtoso [<!ENTITY x \"y\">]>\n<akomaNtoso xmlns=\"{Ns}\"/>", 1, "document type declaration")]
    [InlineData($"<akomaNtoso xmlns=\"{Ns}\">\n  <statement name=\"resolution\">\n  </statement>\n</akomaNtoso>", 2, "meta")]
    public void ReportsBadInputWithALineAndNeverThrows(string text, int line, string expected)
    {
        var result = AknResolutionReader.Read(Encoding.UTF8.GetBytes(text), "bad.xml");

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().Contain(d => d.Line == line && d.Message.Contains(expected, StringComparison.Ordinal));
        result.Errors.First().ToString().Should().StartWith($"bad.xml:{line}: expected");
    }

    [Fact]
    public void ReportsTruncatedCorpusXmlWithTheLineWhereItEnds()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "A_RES_76_159-2119201C.xml"));
        var truncated = bytes[..(bytes.Length / 2)];
        var lines = Encoding.UTF8.GetString(truncated).Count(c => c == '\n') + 1;

        var result = AknResolutionReader.Read(truncated, "cut.xml");

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Line.Should().BeInRange(lines - 1, lines);
    }

    [Fact]
    public void NeverThrowsOnAnyPrefixOfAFile()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_101A-B_C.xml"));
        for (var length = 0; length < bytes.Length; length += 997)
        {
            var act = () => AknResolutionReader.Read(bytes[..length], "prefix.xml");
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void KeepsAnUnknownVoterVerbatimWithAWarning()
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_102_C.xml")))
            .ReplaceOnce("<organization refersTo=\"memberState\">ALBANIA</organization>", "<organization refersTo=\"memberState\">ATLANTIS</organization>");

        var result = AknResolutionReader.Read(Encoding.UTF8.GetBytes(text), "75_102_C.xml");

        result.Errors.Should().BeEmpty();
        result.Diagnostics.Should().ContainSingle(d => d.Line == 38).Which.ToString()
            .Should().Be("75_102_C.xml:38: warning: expected a state the registry knows in the inFavour list, found 'ATLANTIS' (kept without a country code)");
        result.Resolution!.Vote.YesCount.Should().Be(175);
        result.Resolution.Vote.Yes.Should().HaveCount(174).And.NotContain("ALB");
        result.Resolution.Vote.Unresolved.Should().Equal(new UnresolvedVoter(VoteList.InFavour, "ATLANTIS"));
    }

    [Fact]
    public void ReadsAMisspeltVoterAsTheOneStateOneEditAwayWithAWarning()
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_102_C.xml")))
            .ReplaceOnce("<organization refersTo=\"memberState\">ALBANIA</organization>", "<organization refersTo=\"memberState\">ALBNIA</organization>");

        var result = AknResolutionReader.Read(Encoding.UTF8.GetBytes(text), "75_102_C.xml");

        result.Resolution!.Vote.Yes.Should().Contain("ALB").And.HaveCount(175);
        result.Diagnostics.Should().ContainSingle(d => d.Line == 38).Which.Message.Should().Be("read 'ALBNIA' in the inFavour list as ALB (Albania), a misspelling the registry does not list");
    }

    [Fact]
    public void KeepsAListShorterThanItsCountWithBoth()
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_102_C.xml")))
            .ReplaceOnce("<count value=\"175\"", "<count value=\"176\"");

        var result = AknResolutionReader.Read(Encoding.UTF8.GetBytes(text), "75_102_C.xml");

        result.Errors.Should().BeEmpty();
        result.Diagnostics.Should().ContainSingle(d => d.Message.StartsWith("expected 176", StringComparison.Ordinal))
            .Which.Message.Should().Be("expected 176 states in the inFavour list (count/@value), found 175; both are kept");
        result.Resolution!.Vote.YesCount.Should().Be(176);
        result.Resolution.Vote.Yes.Should().HaveCount(175);
    }

    [Theory]
    [InlineData("Antigua and Barbuda, Bosnia and Herzegovina and Trinidad and Tobago", "ATG,BIH,TTO")]
    [InlineData("China and Russian Federation", "CHN,RUS")]
    [InlineData("Bolivia (Plurinational State of), Iran (Islamic Republic of) and Venezuela (Bolivarian Republic of)", "BOL,IRN,VEN")]
    [InlineData("Cuba (on behalf of the States Members of the United Nations that are members of the Movement of Non-Aligned Countries) and Russian Federation", "CUB,RUS")]
    [InlineData("Guinea (on behalf of the Group of 77 and China)", "GIN")]
    [InlineData("United Kingdom of Great Britain and Northern Ireland, United States of America and Viet Nam", "GBR,USA,VNM")]
    [InlineData("Côte d'Ivoire, Türkiye and Saint Vincent and the Grenadines.", "CIV,TUR,VCT")]
    public void SplitsSponsorLists(string list, string codes)
    {
        var names = AknSponsors.Split(list, CountryRegistry.Default);

        names.Select(n => AknSponsors.Resolve(n, CountryRegistry.Default)?.Iso3).Should().Equal(codes.Split(','));
    }

    [Fact]
    public void KeepsOnBehalfOfNamesAsPrinted()
    {
        var names = AknSponsors.Split("Cuba (on behalf of the Group of 77, and China) and Russian Federation", CountryRegistry.Default);

        names.Should().Equal("Cuba (on behalf of the Group of 77, and China)", "Russian Federation");
    }

    [Theory]
    [InlineData("SUBMITTED BY THE PRESIDENT OF THE GENERAL ASSEMBLY")]
    [InlineData("submitted by the Committee on Information")]
    public void KeepsANonStateSponsorWhole(string list) => AknSponsors.Split(list, CountryRegistry.Default).Should().Equal(list);

    [Fact]
    public void KeepsUnknownSponsorsWithAWarning()
    {
        // 75/17 ends its list "… and Viet Nam)": the stray bracket is dropped; an unknown name is kept with a warning
        var result = AknResolutionReader.Read(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_17_C.xml")), "75_17_C.xml");
        result.Succeeded.Should().BeTrue();
        result.Resolution!.Sponsors.Should().Contain(s => s.Name == "Viet Nam" && s.Country == "VNM");

        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_17_C.xml")))
            .ReplaceOnce("Belgium, Cambodia,", "Belgium, Atlantis, Cambodia,");
        var edited = AknResolutionReader.Read(Encoding.UTF8.GetBytes(text), "75_17_C.xml");
        edited.Succeeded.Should().BeTrue();
        edited.Resolution!.Sponsors.Should().Contain(new Sponsor(null, null, "Atlantis", false));
        edited.Diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("'Atlantis'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsNonStateSponsorsWithoutACountryAndWithoutAWarning()
    {
        var result = AknResolutionReader.Read(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_101A-B_C.xml")), "75_101A-B_C.xml");

        result.Resolution!.Sponsors.Should().Equal(new Sponsor(null, null, "submitted by the Committee on Information", false));
        result.Diagnostics.Should().BeEmpty();
        AknSponsors.Split("SUBMITTED BY THE PRESIDENT OF THE GENERAL ASSEMBLY", CountryRegistry.Default)
            .Select(n => AknSponsors.Resolve(n, CountryRegistry.Default)).Should().Equal([null]);
    }

    [Fact]
    public void ReadsAResolutionInTwoParts()
    {
        var resolution = Sample("75_101A-B_C.xml");

        resolution.Symbol.Should().Be("A/RES/75/101 A-B");
        resolution.Number.Should().Be("75/101");
        resolution.Parts.Select(p => (p.Label, p.Title)).Should().Equal(("A", "信息为全人类服务"), ("B", "联合国全球传播政策和活动"));
        resolution.Preamble.Should().OnlyContain(c => c.Part == "A" || c.Part == "B");
        resolution.Preamble.Select(c => c.Id).Should().StartWith(["A-pp1", "A-pp2", "B-pp1"]);
        resolution.Footnotes.Select(f => f.Id).Should().OnlyHaveUniqueItems().And.Contain(["A-fn1", "A-fn2"]);
        // part A's single paragraph is unnumbered, its (a)–(f) and ㈠–㈣ sub-paragraphs are unnumbered paragraphs too
        var single = resolution.Operative.First(c => c.Part == "A");
        single.Id.Should().Be("A-op-u1");
        single.Number.Should().BeNull();
        single.Points.Select(p => p.Id).Should().Equal("A-op-u1-a", "A-op-u1-b", "A-op-u1-c", "A-op-u1-d", "A-op-u1-e", "A-op-u1-f");
        single.Points[4].Points.Select(p => (p.Id, p.Label)).Should().Equal(("A-op-u1-e-i", "㈠"), ("A-op-u1-e-ii", "㈡"), ("A-op-u1-e-iii", "㈢"), ("A-op-u1-e-iv", "㈣"));
        single.Points[1].Text.Should().StartWith("确保记者");
        resolution.Operative.Should().Contain(c => c.Id == "B-op1" && c.Number == "1");
    }

    [Fact]
    public void ReadsListsAndSublistsAsPoints()
    {
        var resolution = Sample("75_325_C.xml");
        var withSublist = resolution.Operative.Single(c => c.Points.Any(p => p.Points.Count > 0));

        withSublist.Points[0].Id.Should().Be($"{withSublist.Id}-a");
        withSublist.Points[0].Label.Should().Be("(a)");
        withSublist.Points[0].Points.Select(p => p.Id).Should().Equal($"{withSublist.Id}-a-i", $"{withSublist.Id}-a-ii");
        withSublist.Points[0].Points[0].Text.Should().Be("第七十六届会议期间：大会的作用和权威及工作方法；");
        withSublist.Points[1].Label.Should().Be("(b)");
    }

    [Fact]
    public void ReadsAnAnnexWithATable()
    {
        var resolution = Sample("75_249_C.xml");

        resolution.Annexes.Should().ContainSingle();
        var annex = resolution.Annexes[0];
        annex.Id.Should().Be("annex1");
        annex.Paragraphs.Should().OnlyContain(p => p.Kind == ClauseKind.Annex);
        annex.Paragraphs.Select(p => p.Id).Should().StartWith(["annex1-p1", "annex1-p2"]);
        annex.Paragraphs.Should().Contain(p => p.Text.Contains(" | 毛额", StringComparison.Ordinal) || p.Text.StartsWith("毛额", StringComparison.Ordinal) || p.Text.Contains("| 毛额 |", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsOperativeParagraphsMarkedUpInThePreamble()
    {
        // 76/54 has no mainBody: paragraphs 1–6 are items of a blockList in the last preamble container, 7 a container
        var result = AknResolutionReader.Read(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "A_RES_76_54-2118495C.xml")), "76_54.xml");

        result.Succeeded.Should().BeTrue();
        result.Resolution!.Operative.Select(c => c.Id).Should().Equal("op1", "op2", "op3", "op4", "op5", "op6", "op7");
        result.Resolution.Operative[2].Points.Select(p => p.Label).Should().Equal("(a)", "(b)", "(c)", "(d)", "(e)", "(f)");
        result.Resolution.Operative[6].Text.Should().StartWith("决定");
        result.Diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("inside the preamble", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("75_290_A_C.xml", VoteMode.Recorded, 90, 0, 47)]
    [InlineData("A_RES_75_250_B-2109021C.xml", VoteMode.Recorded, 133, 3, 0)]
    [InlineData("75_245B_C.xml", VoteMode.WithoutVote, null, null, null)]
    public void ReadsTheOddOutcomeStrings(string file, VoteMode mode, int? yes, int? no, int? abstain)
    {
        var vote = Sample(file).Vote;

        (vote.Mode, vote.YesCount, vote.NoCount, vote.AbstainCount).Should().Be((mode, yes, no, abstain));
        vote.Yes.Should().HaveCount(yes ?? 0);
    }

    [Fact]
    public void CorrectsACoverPageSymbolFromThePreface()
    {
        var result = AknResolutionReader.Read(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_269_C.xml")), "75_269_C.xml");

        result.Resolution!.Symbol.Should().Be("A/RES/75/269");
        result.Diagnostics.Should().ContainSingle(d => d.Severity == DiagnosticSeverity.Warning && d.Line == 97);
    }

    [Fact]
    public void KeepsHeadingsAndSectionsAsUnnumberedBlocks()
    {
        var resolution = Sample("75_245_C.xml");

        resolution.Operative.Should().Contain(c => c.Number == null && c.Text == "专业及以上职类工作人员的服务条件");
        resolution.Operative.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }
}
