using System.Text.RegularExpressions;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests.Akn;

/// <summary>A/RES/76/159 read from AKN4UN XML against the same resolution as seed 003, read by the text parser.</summary>
public partial class Akn76159Tests
{
    private static ParsedResolution FromXml()
    {
        var path = Path.Combine(AknCorpus.SampleDirectory, "A_RES_76_159-2119201C.xml");
        var result = AknResolutionReader.Read(File.ReadAllBytes(path), "A_RES_76_159-2119201C.xml");
        result.Diagnostics.Should().BeEmpty();
        return result.Resolution!;
    }

    [Fact]
    public void ReadsTheHeadingAndTheCounts()
    {
        var xml = FromXml();

        xml.Symbol.Should().Be("A/RES/76/159");
        xml.Number.Should().Be("76/159");
        xml.Body.Should().Be(Body.GA);
        xml.Session.Should().Be(76);
        xml.AgendaItem.Should().Be("74 (b)");
        xml.AgendaTitle.Should().Be("促进和保护人权：人权问题，包括增进人权和基本自由切实享受的各种途径");
        xml.Title.Should().Be("增进人权领域的国际合作");
        xml.AdoptionDate.Should().Be(new DateOnly(2021, 12, 16));
        xml.Meeting.Should().Be(new Meeting(53, Plenary: true, Resumed: false));
        xml.CommitteeReport.Should().Be(new CommitteeReport("第三委员会", "A/76/462/Add.2", 114));
        xml.DraftSymbol.Should().Be("A/C.3/76/L.37", "the Third Committee's draft, in workflow/step outcome=\"draftResolution\" as=… (input-formats §7.7)");
        xml.Status.Should().Be(ResolutionStatus.Adopted);
        xml.Vote.Should().Be(Vote.WithoutVote);
        xml.Preamble.Should().HaveCount(15);
        xml.Operative.Should().HaveCount(17);
        xml.Footnotes.Should().HaveCount(6);
        xml.Footnotes.Select(f => (f.Id, f.AttachedTo)).Should().Equal(
            ("fn1", "pp1"), ("fn2", "pp3"), ("fn3", "pp3"), ("fn4", "pp4"), ("fn5", "pp4"), ("fn6", "pp15"));
        xml.Footnotes[1].Text.Should().Be("第55/2号决议。");
        xml.Preamble[2].Footnotes.Should().Equal("2", "3");
        xml.Preamble[0].Emphasis.Should().Equal(new Emphasis(0, 2, "重申"));
        xml.Operative[3].Emphasis.Should().Equal(new Emphasis(0, 3, "又重申"));
        xml.Sponsors.Select(s => (s.Country, s.Additional)).Should().Equal(
            ("CUB", false), ("RUS", false), ("CHN", true), ("SLV", true), ("URY", true));
        xml.Sponsors[0].Name.Should().StartWith("Cuba (on behalf of the States Members");
    }

    [Fact]
    public void EachClauseEqualsSeed003ExceptForTheRealTextDifferences()
    {
        var xml = FromXml();
        var text = TestInput.ParseSeed("003").Resolution!;

        var xmlClauses = xml.Preamble.Concat(xml.Operative).ToList();
        var textClauses = text.Preamble.Concat(text.Operative).ToList();
        xmlClauses.Select(c => c.Id).Should().Equal(textClauses.Select(c => c.Id));
        var differing = xmlClauses.Zip(textClauses)
            .Where(p => Compact(p.First.Text) != Compact(p.Second.Text))
            .ToDictionary(p => p.First.Id, p => (Xml: Compact(p.First.Text), Text: Compact(p.Second.Text)));

        // The UN's XML and the seed (a different rendering of the same resolution) differ in three words:
        // pp7 逾越 (XML) / 超越 (seed), op4 人权 / 权利, op11 能力 / 能力建设. Every other clause is equal.
        differing.Keys.Should().BeEquivalentTo(["pp7", "op4", "op11"], string.Join("\n", differing.Select(d => $"{d.Key}\nXML : {d.Value.Xml}\nTEXT: {d.Value.Text}")));
        differing["pp7"].Should().Be((
            "着重指出合作不仅关乎睦邻关系、共存或互惠，还涉及为推进普遍利益而逾越相互利益的意愿，",
            "着重指出合作不仅关乎睦邻关系、共存或互惠，还涉及为推进普遍利益而超越相互利益的意愿，"));
        differing["op4"].Should().Be((
            "又重申各国有义务依照《联合国宪章》彼此合作，促进普遍尊重和遵守所有人的人权和基本自由，包括消除一切形式种族歧视和一切形式的宗教不容忍；",
            "又重申各国有义务依照《联合国宪章》彼此合作，促进普遍尊重和遵守所有人的权利和基本自由，包括消除一切形式种族歧视和一切形式的宗教不容忍；"));
        differing["op11"].Should().Be((
            "还强调国际合作的作用在于支持各国作出努力和提高会员国在人权领域的能力，为此，除其他外，要增进各国与人权机制的合作，包括应有关国家请求并按照这些国家确定的优先事项提供技术援助；",
            "还强调国际合作的作用在于支持各国作出努力和提高会员国在人权领域的能力建设，为此，除其他外，要增进各国与人权机制的合作，包括应有关国家请求并按照这些国家确定的优先事项提供技术援助；"));
        xmlClauses.Zip(textClauses).Select(p => p.First.Footnotes.SequenceEqual(p.Second.Footnotes)).Should().AllBeEquivalentTo(true, "the footnote markers cited are the same");
    }

    private static string Compact(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
