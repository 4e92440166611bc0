using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// The ground truth of the five seeds as stated in the issue, asserted directly (independent of the expected JSON):
/// numbers, dates, meetings, clause and footnote counts, vote counts, and a few countries by name.
/// </summary>
public class SeedGroundTruthTests
{
    private static ParsedResolution Seed(string id)
    {
        var result = TestInput.ParseSeed(id);
        result.Errors.Should().BeEmpty();
        return result.Resolution!;
    }

    [Theory]
    [InlineData("000", "46/13", "A/HRC/RES/46/13", 46, "2021-03-23", 49, false, 17, 8, 0)]
    [InlineData("001", "43/...", null, 43, null, null, false, 21, 10, 2)]
    [InlineData("002", "53/11", "A/HRC/RES/53/11", 53, "2023-07-12", 34, false, 33, 37, 5)]
    [InlineData("003", "76/159", "A/RES/76/159", 76, "2021-12-16", 53, true, 15, 17, 6)]
    [InlineData("004", "37/23", "A/HRC/RES/37/23", 37, "2018-03-23", 54, false, 15, 5, 0)]
    public void ParsesTheGroundTruthOfEachSeed(
        string id, string number, string? symbol, int session, string? date, int? meeting, bool plenary, int preamble, int operative, int footnotes)
    {
        var r = Seed(id);

        r.Number.Should().Be(number);
        r.Symbol.Should().Be(symbol);
        r.Session.Should().Be(session);
        r.AdoptionDate.Should().Be(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        r.Meeting.Should().Be(meeting is null ? null : new Meeting(meeting.Value, plenary, Resumed: false));
        r.Preamble.Should().HaveCount(preamble);
        r.Operative.Should().HaveCount(operative);
        r.Footnotes.Should().HaveCount(footnotes);
        r.Preamble.Select(c => c.Id).Should().Equal(Enumerable.Range(1, preamble).Select(n => $"pp{n}"));
        r.Operative.Select(c => c.Id).Should().Equal(Enumerable.Range(1, operative).Select(n => $"op{n}"));
        r.Operative.Select(c => c.Number).Should().Equal(Enumerable.Range(1, operative).Select(n => $"{n}"));
        r.Preamble.Should().OnlyContain(c => c.Text.EndsWith('，'), "every preamble clause of the seeds ends with a comma");
        r.Operative.Should().OnlyContain(c => c.Text.EndsWith('；') || c.Text.EndsWith('。'), "every operative paragraph ends with ； or 。");
    }

    [Theory]
    [InlineData("000", 26, 15, 6)]
    [InlineData("002", 33, 13, 1)]
    [InlineData("004", 28, 1, 17)]
    public void ParsesARecordedVoteWhoseListsHaveTheStatedLengths(string id, int yes, int no, int abstain)
    {
        var vote = Seed(id).Vote;

        vote.Mode.Should().Be(VoteMode.Recorded);
        (vote.YesCount, vote.NoCount, vote.AbstainCount).Should().Be((yes, no, abstain));
        vote.Yes.Should().HaveCount(yes).And.OnlyHaveUniqueItems();
        vote.No.Should().HaveCount(no).And.OnlyHaveUniqueItems();
        vote.Abstain.Should().HaveCount(abstain).And.OnlyHaveUniqueItems();
        vote.Yes.Concat(vote.No).Concat(vote.Abstain).Should().OnlyHaveUniqueItems("no state votes twice");
    }

    [Theory]
    [InlineData("001")]
    [InlineData("003")]
    public void ParsesSeedWithoutAnAdoptionStatementAsVoteNotStated(string id) =>
        Seed(id).Vote.Should().BeEquivalentTo(Vote.NotStated);

    [Fact]
    public void ParsesSeed000AsRecordedVote()
    {
        var vote = Seed("000").Vote;

        vote.Yes.Should().Contain("CHN").And.Contain("BOL", "多民族玻利维亚国 is Bolivia");
        vote.Yes.Should().EndWith(["URY", "VEN"], "乌拉圭和委内瑞拉玻利瓦尔共和国 is two states, split at 和 but not inside 共和国");
        vote.No.Should().Contain("JPN").And.EndWith("GBR");
        vote.Abstain.Should().Equal("ARM", "BHS", "FJI", "LBY", "MWI", "UZB");
    }

    [Fact]
    public void ParsesSeed000KeepingTheMisprintedOperativeVerb()
    {
        var r = Seed("000");

        r.Operative[0].Text.Should().StartWith("叼请所有国家奉行多边主义", "the seed really prints 叼请 and the parser does not correct texts");
        r.Operative[1].Text.Should().StartWith("叼请所有国家和其他利益攸关方");
        r.AgendaTitle.Should().Be("促进和保护所有人权——公民权利、政治权利、经济、社会及文化权利，包括发展权", "the markdown hard break (two spaces) is joined");
        r.Title.Should().Be("在人权领域促进合作共赢", "the #### heading marker is removed");
    }

    [Fact]
    public void ParsesSeed001AsDraftWithTwelveSponsors()
    {
        var r = Seed("001");

        r.Status.Should().Be(ResolutionStatus.Draft);
        r.Symbol.Should().BeNull();
        r.AdoptionDate.Should().BeNull();
        r.Meeting.Should().BeNull();
        r.Sponsors.Should().Equal(
            new Sponsor("BLR", false, "白俄罗斯"), new Sponsor("BDI", false, "布隆迪"), new Sponsor("CHN", false, "中国"), new Sponsor("CUB", false, "古巴"),
            new Sponsor("IRN", false, "伊朗伊斯兰共和国"), new Sponsor("MYS", false, "马来西亚"), new Sponsor("MMR", false, "缅甸"), new Sponsor("PAK", true, "巴基斯坦"),
            new Sponsor("RUS", false, "俄罗斯联邦"), new Sponsor("THA", false, "泰国"), new Sponsor("VEN", true, "委内瑞拉玻利瓦尔共和国"), new Sponsor("YEM", false, "也门"));
        r.Footnotes.Select(f => (f.Id, f.Marker, f.AttachedTo, f.Text)).Should().Equal(
            ("fn-star", "*", "sponsors", "非人权理事会成员国。"),
            ("fn1", "1", "op5", "A/HRC/43/31。"));
        r.Operative[4].Footnotes.Should().Equal("1");
        r.Operative[4].Text.Should().Be("注意到人权理事会咨询委员会关于技术援助和能力建设对推动实现促进和保护人权方面互利合作的作用的报告；", "the marker ¹ is removed");
        r.Preamble[6].Text.Should().StartWith("确认多边主义", "the * note between pp6 and pp7 is not part of a clause");
    }

    [Fact]
    public void ParsesSeed002WithNamesSplitAcrossLinesAndAParagraphInterruptedByAFootnote()
    {
        var r = Seed("002");

        r.Vote.No.Should().Contain("MNE", "黑\\n山 is one name broken across lines").And.Contain("USA");
        r.Vote.Abstain.Should().Equal("MEX");
        r.Vote.Yes.Should().Contain("BOL", "玻利维亚多民族国 is an alias of Bolivia");
        r.Operative[27].Text.Should().Contain("享受科学进步及其应用的惠益，并呼吁加强国际合作", "operative 28 continues after the footnote ⁴ block");
        r.Footnotes.Single(f => f.Marker == "4").Should().Be(r.Footnotes[3]);
        r.Footnotes[3].AttachedTo.Should().Be("op20");
        r.Footnotes[3].Text.Should().Be("A/HRC/52/80。", "the link syntax [A/HRC/52/80](#) is removed");
        r.Footnotes[4].AttachedTo.Should().Be("op32", "footnote ⁵ stands inside the vote lists but belongs to operative 32");
        r.Preamble[9].Text.Should().Contain("政治宣言以及上述会议", "the marker ² and the space after it are removed");
    }

    [Fact]
    public void ParsesSeed003AsGeneralAssemblyResolutionOnACommitteeReport()
    {
        var r = Seed("003");

        r.Body.Should().Be(Body.GA);
        r.AgendaItem.Should().Be("74 (b)");
        r.CommitteeReport.Should().Be(new CommitteeReport("第三委员会", "A/76/462/Add.2", 114));
        r.Meeting.Should().Be(new Meeting(53, Plenary: true, Resumed: false));
        r.Operative[0].Text.Should().StartWith("重申通过国际合作", "the ** markup is removed");
        r.Operative[0].Emphasis.Should().Equal(new Emphasis(0, 2, "重申"));
        r.Operative[3].Emphasis.Should().Equal(new Emphasis(0, 3, "又重申"));
        r.Operative.Skip(4).Should().OnlyContain(c => c.Emphasis.Count == 0);
        r.Preamble[3].Text.Should().Contain("在日内瓦举行的德班审查会议", "preamble clause 4 continues after the footnote block");
        r.Preamble[3].Footnotes.Should().Equal("4", "5");
        r.Preamble[2].Text.Should().Contain("第 75/180 号决议", "link syntax [75/180](#) keeps its text");
        r.Footnotes[0].Text.Should().Be("A/CONF.157/24(Part I)和 A/CONF.157/24(Part I)/Corr.1，第三章。", "links and backslash escapes are resolved");
        r.Operative.Should().HaveCount(17, "operative 5–17 are not separated by blank lines");
    }

    [Fact]
    public void ParsesSeed004JoiningTheHardLineBreaksOfThePdfLayout()
    {
        var r = Seed("004");

        r.Preamble[1].Text.Should().Be("重申《世界人权宣言》和《维也纳宣言和行动纲领》，回顾所有有关国际人权条约，包括《公民权利和政治权利国际公约》和《经济、社会及文化权利国际公约》，");
        r.Operative[4].Text.Should().Be("请人权理事会咨询委员会研究技术援助与能力建设在通过合作共赢促进和保护人权中的作用，并就此向人权理事会第四十三届会议提交报告。");
        r.AgendaTitle.Should().BeNull("seed 004 prints no agenda title");
        r.Vote.Yes.Should().Contain("COD", "刚果民主共\\n\\n和国 is one name broken across lines");
        r.Vote.Yes.Should().EndWith(["ARE", "VEN"], "阿拉伯联合酋长\\n\\n国 is one name");
        r.Vote.No.Should().Equal("USA");
        r.Vote.Yes.Should().Contain("KGZ", "吉尔吉斯斯\\n\\n坦 is one name broken across lines");
        r.Vote.Abstain.Should().Contain("HRV").And.EndWith("GBR");
    }

    [Fact]
    public void RemovesEveryFootnoteMarkerAndMarkdownCharacterFromTheClauseTexts()
    {
        foreach (var id in TestInput.SeedIds)
        {
            var r = Seed(id);
            foreach (var clause in r.Preamble.Concat(r.Operative))
            {
                clause.Text.Should().NotContainAny(["¹", "²", "³", "⁴", "⁵", "⁶", "⁰", "**", "](#)", "\\", "\n", "  "], "seed {0} clause {1} is plain text", id, clause.Id);
                clause.Text.Should().Be(clause.Text.Trim(), "seed {0} clause {1} has no surrounding white space", id, clause.Id);
            }
        }
    }
}
