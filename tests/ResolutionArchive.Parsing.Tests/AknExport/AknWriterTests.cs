using System.Xml.Linq;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests.AknExport;

/// <summary>
/// The AKN export (<see cref="AknWriter"/>, docs/akn-export.md): every seed and a model that uses every feature export
/// to XML that validates against the embedded Akoma Ntoso 3.0 schema (<see cref="AknSchema"/>), deterministically.
/// </summary>
public class AknWriterTests
{
    private static readonly XNamespace Akn = AknWriter.Namespace;

    public static TheoryData<string> Seeds => new(TestInput.SeedIds);

    private static ParsedResolution Seed(string id)
    {
        var result = TestInput.ParseSeed(id);
        result.Resolution.Should().NotBeNull("seed {0} parses", id);
        return result.Resolution!;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EverySeedExportsToSchemaValidXml(string id)
    {
        var xml = AknWriter.Write(Seed(id));

        AknSchema.Validate(xml).Should().BeEmpty("the export of seed {0} must validate against akomantoso30.xsd", id);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ExportIsDeterministic(string id)
    {
        AknWriter.Write(Seed(id)).Should().Be(AknWriter.Write(Seed(id)));
    }

    [Fact]
    public void Seed003HasTheUnFileStructure()
    {
        var document = XDocument.Parse(AknWriter.Write(Seed("003")));

        var statement = document.Root!.Element(Akn + "statement")!;
        statement.Attribute("name")!.Value.Should().Be("resolution");
        document.Descendants(Akn + "container").Should().HaveCount(15);
        document.Descendants(Akn + "paragraph").Should().HaveCount(17);
        document.Descendants(Akn + "authorialNote").Should().HaveCount(6);
        document.Descendants(Akn + "container").First().Attribute("eId")!.Value.Should().Be("pp1");
        var op1 = document.Descendants(Akn + "paragraph").First();
        op1.Attribute("eId")!.Value.Should().Be("op1");
        op1.Element(Akn + "num")!.Value.Should().Be("1.");
        op1.Element(Akn + "content")!.Element(Akn + "p")!.Element(Akn + "span")!.Value.Should().Be("重申");
        document.Descendants(Akn + "formula").Single().Value.Should().Be("大会，");
        document.Descendants(Akn + "FRBRuri").First().Attribute("value")!.Value
            .Should().Be("/akn/un/statement/deliberation/unga/2021-12-16/76-159/");
        document.Descendants(Akn + "FRBRdate").First().Attribute("name")!.Value.Should().Be("adoption");
        document.Descendants(Akn + "docNumber").Select(e => e.Value).Should().Equal("A/RES/76/159", "76/159.");
        document.Descendants(Akn + "inline").Select(e => e.Value).Should().Contain(["议程项目74 (b)", "第53次全体会议"]);
        document.Descendants(Akn + "docCommittee").Single().Value.Should().Be("第三委员会");
        document.Descendants(Akn + "voting").Should().BeEmpty("seed 003 does not state how it was adopted");

        // Note 6 ends preamble clause 16 (pp15), after the comma, as the seed prints it.
        var pp15 = document.Descendants(Akn + "container").Last();
        pp15.Attribute("eId")!.Value.Should().Be("pp15");
        pp15.Descendants(Akn + "authorialNote").Single().Attribute("marker")!.Value.Should().Be("6");
        pp15.Element(Akn + "p")!.LastNode.Should().BeOfType<XElement>().Which.Name.Should().Be(Akn + "authorialNote");
    }

    [Fact]
    public void RecordedVoteCarriesCountsAndIsoCodes()
    {
        var document = XDocument.Parse(AknWriter.Write(Seed("000")));

        var voting = document.Descendants(Akn + "voting").Single();
        voting.Attribute("outcome")!.Value.Should().Be("adoptedRecordedVote");
        var counts = voting.Elements(Akn + "count").ToList();
        counts.Select(c => c.Attribute("refersTo")!.Value).Should().Equal("#inFavour", "#against", "#abstaining");
        counts.Select(c => c.Attribute("value")!.Value).Should().Equal("26", "15", "6");
        counts[0].Descendants(Akn + "organization").Should().HaveCount(26).And.Contain(e => e.Value == "CHN");
        document.Descendants(Akn + "TLCTerm").Select(e => e.Attribute("eId")!.Value)
            .Should().Contain(["inFavour", "against", "abstaining", "memberState"]);
    }

    [Fact]
    public void DraftKeepsSponsorsMembershipAndStarNote()
    {
        var document = XDocument.Parse(AknWriter.Write(Seed("001")));

        var steps = document.Descendants(Akn + "step").ToList();
        steps.Should().HaveCount(12).And.OnlyContain(s => s.Attribute("outcome")!.Value == "draftResolution");
        steps[0].Attribute("by")!.Value.Should().Be("#sponsor1");
        steps[0].Attribute("as")!.Value.Should().Be("#nonCouncilMember");
        steps[7].Attribute("as")!.Value.Should().Be("#councilMember");
        var sponsor1 = document.Descendants(Akn + "TLCOrganization").Single(e => e.Attribute("eId")!.Value == "sponsor1");
        sponsor1.Attribute("showAs")!.Value.Should().Be("白俄罗斯");
        sponsor1.Attribute("href")!.Value.Should().EndWith("/BLR");
        document.Descendants(Akn + "FRBRnumber").Single().Attribute("value")!.Value.Should().Be("43/...");
        document.Descendants(Akn + "FRBRsubtype").Single().Attribute("value")!.Value.Should().Be("draftResolution");
        document.Descendants(Akn + "docStage").Single().Value.Should().Be("决议草案");
        var star = document.Descendants(Akn + "authorialNote").First();
        star.Attribute("eId")!.Value.Should().Be("fn-star");
        star.Parent!.Attribute("eId")!.Value.Should().Be("sponsors");
    }

    [Fact]
    public void ModelWithEveryFeatureExportsToSchemaValidXml()
    {
        var xml = AknWriter.Write(FullModel());

        AknSchema.Validate(xml).Should().BeEmpty();
        var document = XDocument.Parse(xml);
        document.Root!.Element(Akn + "documentCollection").Should().NotBeNull();
        document.Root.Element(Akn + "components")!.Elements(Akn + "component").Should().HaveCount(2);
        document.Descendants(Akn + "attachment").Single().Attribute("eId")!.Value.Should().Be("annex1");
        document.Descendants(Akn + "point").Select(p => p.Attribute("eId")!.Value).Should().Equal("B-op1-a", "B-op1-b", "B-op1-b-i");
        document.Descendants(Akn + "step").Select(s => s.Attribute("outcome")!.Value)
            .Should().Equal("draftResolution", "draftResolution", "draftResolutionAdditionalSponsors", "adopted");
        document.Descendants(Akn + "TLCOrganization").Single(e => e.Attribute("eId")!.Value == "sponsor2").Attribute("href")!.Value
            .Should().Be("/akn/ontology/organization/un/sponsor/sponsor2");
        document.Descendants(Akn + "noteRef").Single().Attribute("href")!.Value.Should().Be("#fn1");
        AknWriter.Write(FullModel()).Should().Be(xml);
    }

    [Fact]
    public void WithoutVoteAndOrphanNotesValidate()
    {
        var model = FullModel() with
        {
            Parts = [],
            Preamble = [Clause("pp1", ClauseKind.Preamble, null, "回顾其决议，", ["9"])],
            Operative = [Clause("op1", ClauseKind.Operative, "1", "决定继续审议。", [])],
            Vote = Vote.WithoutVote,
            Footnotes = [new Footnote("fn9", "9", "第 1/1 号决议。", "pp1", 1), new Footnote("fn-star", "*", "孤立的注。", "nowhere", 2)],
            Annexes = [],
        };

        var xml = AknWriter.Write(model);

        AknSchema.Validate(xml).Should().BeEmpty();
        var document = XDocument.Parse(xml);
        document.Descendants(Akn + "voting").Single().Attribute("outcome")!.Value.Should().Be("adoptedWithoutVote");
        document.Descendants(Akn + "note").Single().Attribute("placementBase")!.Value.Should().Be("nowhere");
    }

    [Fact]
    public void SchemaReportsErrors()
    {
        AknSchema.Validate("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><statement/></akomaNtoso>")
            .Should().NotBeEmpty();
        AknSchema.Validate("<not-xml").Should().ContainSingle();
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(13, "十三")]
    [InlineData(46, "四十六")]
    [InlineData(76, "七十六")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    public void SessionNumbersInChinese(int value, string expected) => ResolutionArchive.Parsing.Parsers.ChineseNumerals.Format(value).Should().Be(expected);

    [Fact]
    public void TheChineseNumeralWriterIsTheParsersInverseOnEveryNumberItWrites()
    {
        var wrong = Enumerable.Range(1, 9999).Where(n => ResolutionArchive.Parsing.Parsers.ChineseNumerals.Parse(ResolutionArchive.Parsing.Parsers.ChineseNumerals.Format(n)) != n).ToList();

        wrong.Should().BeEmpty("Format and Parse sit together in Parsers/ChineseNumerals.cs so that they stay each other's inverse");
    }

    private static Clause Clause(string id, ClauseKind kind, string? number, string text, IReadOnlyList<string> notes, string? part = null, IReadOnlyList<Point>? points = null, IReadOnlyList<Emphasis>? emphasis = null) =>
        new(id, kind, number, text, notes, emphasis ?? [], points ?? [], 1, part);

    /// <summary>Two parts, an annex, points with sub-points, a recorded vote, additional and non-state sponsors.</summary>
    internal static ParsedResolution FullModel() => new()
    {
        Body = Body.GA,
        Session = 75,
        AgendaItem = "56",
        AgendaTitle = "有关信息的问题",
        Number = "75/101",
        Symbol = "A/RES/75/101 A-B",
        Status = ResolutionStatus.Adopted,
        Title = "有关信息的问题",
        AdoptionDate = new DateOnly(2020, 12, 10),
        Meeting = new Meeting(41, Plenary: true, Resumed: true),
        CommitteeReport = new CommitteeReport("特别政治和非殖民化委员会(第四委员会)", "A/75/415", 8),
        Parts = [new ResolutionPart("A", "信息为全人类服务"), new ResolutionPart("B", "联合国全球传播政策和活动")],
        Preamble =
        [
            Clause("A-pp1", ClauseKind.Preamble, null, "表示注意到新闻委员会的报告，", ["1"], "A", emphasis: [new Emphasis(0, 5, "表示注意到")]),
            Clause("B-pp1", ClauseKind.Preamble, null, "强调新闻委员会的作用，", [], "B"),
        ],
        Operative =
        [
            Clause("A-op1", ClauseKind.Operative, "1", "敦促所有国家：", ["1"], "A"),
            Clause(
                "B-op1",
                ClauseKind.Operative,
                "1",
                "决定：",
                [],
                "B",
                [
                    new Point("B-op1-a", "(a)", "设立一个工作组；", ["2"], []),
                    new Point("B-op1-b", "(b)", "请工作组：", [], [new Point("B-op1-b-i", "(i)", "编写一份报告；", [], [])]),
                ]),
        ],
        Footnotes =
        [
            new Footnote("fn1", "1", "《大会正式记录》。", "A-pp1", 10),
            new Footnote("fn2", "2", "见 A/75/1。", "B-op1-a", 20),
        ],
        Vote = new Vote(VoteMode.Recorded, 2, 1, 0, ["CHN", "CUB"], ["USA"], []),
        Sponsors =
        [
            new Sponsor("CUB", null, "古巴"),
            new Sponsor(null, null, "大会主席"),
            new Sponsor("CHN", null, null, Additional: true),
        ],
        Annexes =
        [
            new Annex(
                "annex1",
                "附件",
                "职权范围",
                [
                    new Clause("annex1-p1", ClauseKind.Annex, null, "一般规定", [], [], [], 30),
                    new Clause("annex1-p2", ClauseKind.Annex, "1", "本信托基金的宗旨是……", [], [new Emphasis(0, 2, "本信")], [], 31),
                ]),
        ],
    };

    [Fact]
    public void WritesAnyStoredTextEvenCharactersXmlCannotHold()
    {
        // issue 14 item 5: an archive made before the readers refused them may hold control characters or noncharacters
        var model = FullModel() with { Title = "标题\u0001\u001b]0;x\u0007\uFFFE\uD800结束" };

        var xml = AknWriter.Write(model);

        AknSchema.Validate(xml).Should().BeEmpty();
        xml.Should().Contain("标题\uFFFD\uFFFD]0;x\uFFFD\uFFFD\uFFFD结束");
    }
}
