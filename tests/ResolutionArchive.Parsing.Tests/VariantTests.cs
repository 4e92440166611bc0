using System.Text;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Parsers;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// The rules are general, not fitted to the five files: each test transforms a seed into a layout the seeds do not
/// show and checks the one thing that changes.
/// </summary>
public class VariantTests
{
    private static ParsedResolution Parsed(string text)
    {
        var result = TestInput.Parse(text);
        result.Errors.Should().BeEmpty();
        return result.Resolution!;
    }

    [Theory]
    [MemberData(nameof(SeedSpecTests.Seeds), MemberType = typeof(SeedSpecTests))]
    public void GivesTheSameRecordForCrlfLineEndsAndAByteOrderMark(string id)
    {
        var original = ResolutionJson.Serialize(TestInput.ParseSeed(id).Resolution!);
        var crlf = TestInput.SeedText(id).ReplaceLineEndings("\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(crlf)).ToArray();

        var result = ResolutionTextParser.Parse(bytes, TestInput.SeedFileName(id));

        result.Diagnostics.Should().BeEmpty();
        ResolutionJson.Serialize(result.Resolution!).Should().Be(original);
    }

    [Theory]
    [MemberData(nameof(SeedSpecTests.Seeds), MemberType = typeof(SeedSpecTests))]
    public void GivesTheSameRecordForOldMacLineEnds(string id)
    {
        var original = ResolutionJson.Serialize(TestInput.ParseSeed(id).Resolution!);

        ResolutionJson.Serialize(Parsed(TestInput.SeedText(id).ReplaceLineEndings("\r"))).Should().Be(original);
    }

    [Fact]
    public void GivesTheSameRecordForAlreadyDecodedTextWithAByteOrderMark()
    {
        var original = ResolutionJson.Serialize(TestInput.ParseSeed("003").Resolution!);

        var result = ResolutionTextParser.ParseText("\uFEFF" + TestInput.SeedText("003"), "003.txt");

        ResolutionJson.Serialize(result.Resolution!).Should().Be(original);
    }

    [Fact]
    public void ReadsTwoDigitFootnoteMarkers()
    {
        // seed 003 with footnote ⁶ renumbered ¹²: marker and definition both change
        var text = TestInput.SeedText("003").Replace("⁶", "¹²", StringComparison.Ordinal);

        var r = Parsed(text);

        r.Preamble[14].Footnotes.Should().Equal("12");
        r.Preamble[14].Text.Should().EndWith("第 2000/22 号决议，");
        r.Footnotes[^1].Should().Be(new Footnote("fn12", "12", "见 E/CN.4/2001/2-E/CN.4/Sub.2/2000/46，第二章，A 节。", "pp15", 77));
    }

    [Fact]
    public void ReadsTwoDigitFootnoteMarkersNextToOneDigitOnes()
    {
        // ¹ and ¹¹ in one text: ¹¹ is one marker, not two citations of footnote 1
        var text = TestInput.SeedText("001")
            .ReplaceOnce("发挥重要作用，", "发挥重要作用¹¹，")
            .ReplaceOnce("¹ A/HRC/43/31。", "¹ A/HRC/43/31。\n\n¹¹ A/HRC/43/32。");

        var r = Parsed(text);

        r.Preamble[7].Footnotes.Should().Equal("11");
        r.Preamble[7].Text.Should().EndWith("发挥重要作用，");
        r.Footnotes.Select(f => (f.Id, f.AttachedTo, f.Text)).Should().Equal(
            ("fn-star", "sponsors", "非人权理事会成员国。"),
            ("fn11", "pp8", "A/HRC/43/32。"),
            ("fn1", "op5", "A/HRC/43/31。"));
    }

    [Theory]
    [InlineData("第 48 次全体会议(续会)")]
    [InlineData("第48次全体会议（续会）")]
    [InlineData("第 48 次全体会议 (续会)")]
    public void ReadsAResumedPlenaryMeeting(string meeting)
    {
        var text = TestInput.SeedText("003").ReplaceOnce("第53次全体会议", meeting);

        Parsed(text).Meeting.Should().Be(new Meeting(48, Plenary: true, Resumed: true));
    }

    [Fact]
    public void SplitsALongVoteListAtAndOnlyBetweenNames()
    {
        var text = TestInput.SeedText("000")
            .ReplaceOnce("26 票赞成", "30 票赞成")
            .ReplaceOnce(
                "乌拉圭和委内瑞拉玻利瓦尔共和国",
                "特立尼达和多巴哥、波斯尼亚和黑塞哥维那、乌拉圭、刚果民主共\n和国、阿拉伯联合酋长国和委内瑞拉玻利瓦尔共和国");

        var vote = Parsed(text).Vote;

        vote.Yes.Should().HaveCount(30).And.EndWith(["TGO", "TTO", "BIH", "URY", "COD", "ARE", "VEN"]);
    }

    [Theory]
    [InlineData("特立尼达和多巴哥和波斯尼亚和黑塞哥维那", new[] { "TTO", "BIH" })]
    [InlineData("波斯尼亚和黑塞哥维那和特立尼达和多巴哥", new[] { "BIH", "TTO" })]
    [InlineData("乌拉圭和委内瑞拉玻利瓦尔共和国", new[] { "URY", "VEN" })]
    [InlineData("委内瑞拉玻利瓦尔共和国和也门", new[] { "VEN", "YEM" })]
    [InlineData("刚果民主共和国", new[] { "COD" })]
    [InlineData("刚果（布）和刚果民主共和国", new[] { "COG", "COD" })]
    [InlineData("玻利维亚（多民族国）、玻利维亚(多民族国)", new[] { "BOL", "BOL" })]
    public void SplitsAnItemOfAVoteListAtTheAndBetweenTwoNames(string list, string[] expected)
    {
        var countries = CountryListParser.Parse(list, CountryRegistry.Default);

        countries.Should().OnlyContain(c => c.Country != null);
        countries.Select(c => c.Country!.Iso3).Should().Equal(expected);
    }

    [Fact]
    public void ReadsTheVotesToVotesForm()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("以 26 票赞成、15 票反对、6 票弃权", "以 26 票对 15 票、6 票弃权");

        var vote = Parsed(text).Vote;

        vote.Should().BeEquivalentTo(TestInput.ParseSeed("000").Resolution!.Vote, o => o.WithStrictOrdering());
    }

    [Fact]
    public void ReadsTheVotesToVotesFormWithoutAbstentions()
    {
        var seed = TestInput.SeedText("000");
        var text = seed[..seed.IndexOf("\n\n弃权：", StringComparison.Ordinal)]
            .ReplaceOnce("以 26 票赞成、15 票反对、6 票弃权", "以 26 票对 15 票") + "]\n";

        var vote = Parsed(text).Vote;

        (vote.Mode, vote.YesCount, vote.NoCount, vote.AbstainCount).Should().Be((VoteMode.Recorded, 26, 15, 0));
        vote.No.Should().HaveCount(15).And.EndWith("GBR");
        vote.Abstain.Should().BeEmpty();
    }

    [Fact]
    public void ReadsAnAdoptionWithoutAVote()
    {
        var seed = TestInput.SeedText("000");
        var text = seed[..seed.IndexOf("[经记录表决", StringComparison.Ordinal)] + "[未经表决获得通过。]\n";

        Parsed(text).Vote.Should().BeEquivalentTo(Vote.WithoutVote);
    }

    [Fact]
    public void ReadsAnAdoptionWithoutAVoteInThePdfLayout()
    {
        var seed = TestInput.SeedText("004");
        var text = seed[..seed.IndexOf("[经记录表决", StringComparison.Ordinal)] + "[未经表决获得通过。]  \n\n \n";

        var r = Parsed(text);

        r.Vote.Should().BeEquivalentTo(Vote.WithoutVote);
        r.Operative.Should().HaveCount(5);
    }

    [Fact]
    public void ReadsASessionNumberWrittenInChineseNumeralsAboveOneHundred()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("第四十六届会议", "第一百零五届会议").ReplaceOnce("46/13.", "105/13.");

        var r = Parsed(text);

        r.Session.Should().Be(105);
        r.Number.Should().Be("105/13");
        r.Symbol.Should().Be("A/HRC/RES/105/13");
    }

    [Theory]
    [InlineData("四十六", 46)]
    [InlineData("七十六", 76)]
    [InlineData("十", 10)]
    [InlineData("十六", 16)]
    [InlineData("二十", 20)]
    [InlineData("一百", 100)]
    [InlineData("一百零五", 105)]
    [InlineData("一百一十", 110)]
    [InlineData("两百", 200)]
    [InlineData("一千零一", 1001)]
    [InlineData("46", 46)]
    public void ReadsChineseNumerals(string text, int expected) => ChineseNumerals.Parse(text).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("一二")]
    [InlineData("零")]
    [InlineData("第")]
    [InlineData("1234567")]
    public void RejectsWhatIsNotAChineseNumeral(string text) => ChineseNumerals.Parse(text).Should().BeNull();

    [Fact]
    public void ReadsSubParagraphsWithRomanSubItemsUnderAnOperativeParagraphEndingWithAColon()
    {
        var text = TestInput.SeedText("000").ReplaceOnce(
            "5. 请联合国有关人权机制及程序继续重视在促进和保护所有人权方面合作共赢的重要性；",
            "5. 请联合国有关人权机制及程序：\n\n(a) 继续重视合作共赢的重要性；\n\n(b) 在下列方面提供协助：\n\n（i） 技术援助；\n\n(ii) 能力建设\n和培训；\n\n(c) 向理事会提交报告；");

        var op5 = Parsed(text).Operative[4];

        op5.Text.Should().Be("请联合国有关人权机制及程序：");
        op5.Points.Select(p => (p.Id, p.Label, p.Text)).Should().Equal(
            ("op5-a", "(a)", "继续重视合作共赢的重要性；"),
            ("op5-b", "(b)", "在下列方面提供协助："),
            ("op5-c", "(c)", "向理事会提交报告；"));
        op5.Points[1].Points.Select(p => (p.Id, p.Label, p.Text)).Should().Equal(
            ("op5-b-i", "(i)", "技术援助；"),
            ("op5-b-ii", "(ii)", "能力建设和培训；"));
        op5.Points[0].Points.Should().BeEmpty();
    }

    [Fact]
    public void ReadsLetterIAsALetterWhenItFollowsH()
    {
        var points = string.Concat("abcdefghij".Select(c => $"\n\n({c}) 第 {c} 项；"));
        var text = TestInput.SeedText("000").ReplaceOnce(
            "5. 请联合国有关人权机制及程序继续重视在促进和保护所有人权方面合作共赢的重要性；",
            "5. 请联合国有关人权机制及程序：" + points);

        var op5 = Parsed(text).Operative[4];

        op5.Points.Select(p => p.Label).Should().Equal("(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)");
        op5.Points.Should().OnlyContain(p => p.Points.Count == 0);
    }

    [Fact]
    public void KeepsALineStartingWithABracketInsideAParagraphThatDoesNotEnd()
    {
        // "(a)" only starts a sub-paragraph after text that ends a clause; here the open line continues
        var text = TestInput.SeedText("000").ReplaceOnce(
            "5. 请联合国有关人权机制及程序继续重视在促进和保护所有人权方面合作共赢的重要性；",
            "5. 请联合国有关人权机制及程序继续重视\n(a) 项所述合作共赢的重要性；");

        var op5 = Parsed(text).Operative[4];

        op5.Text.Should().Be("请联合国有关人权机制及程序继续重视(a) 项所述合作共赢的重要性；");
        op5.Points.Should().BeEmpty();
    }

    [Theory]
    [InlineData(new[] { "人权理事会的工作应遵循普遍性、公正", "性、客观性" }, "人权理事会的工作应遵循普遍性、公正性、客观性")]
    [InlineData(new[] { "A/CONF.157/24(Part", "I)" }, "A/CONF.157/24(Part I)")]
    [InlineData(new[] { "COVID-19", "大流行" }, "COVID-19大流行")]
    [InlineData(new[] { "第 49", "次会议" }, "第 49次会议")]
    [InlineData(new[] { "  多个   空格 ", "", "  下一行" }, "多个 空格下一行")]
    public void JoinsTheLinesOfAParagraphWithASpaceOnlyBetweenLatinLettersOrDigits(string[] lines, string expected) =>
        TextJoiner.Join(lines).Should().Be(expected);

    [Theory]
    [InlineData("和*《宪章》*，", "和《宪章》，", "《宪章》")]
    [InlineData("**“重申”**各国", "“重申”各国", "“重申”")]
    [InlineData("**重申**通过", "重申通过", "重申")]
    public void ReadsEmphasisNextToChinesePunctuation(string markdown, string text, string emphasised)
    {
        var (plain, emphasis) = InlineText.ToPlainText(markdown);

        plain.Should().Be(text);
        emphasis.Should().ContainSingle().Which.Text.Should().Be(emphasised);
    }

    [Fact]
    public void PassesOverAPageBreakInsideAVoteList()
    {
        // seed 002's list against, broken by a page: job number, page number and a footnote between two names
        var text = TestInput.SeedText("002").ReplaceOnce("卢森堡、黑", "卢森堡、\n\nGE.23-14012(C)\n\n7\n\n⁶ 页脚注。\n\n黑")
            .ReplaceOnce("33. 请高级专员编写", "33. 请高级专员⁶编写");

        var resolution = Parsed(text);

        resolution.Vote.No.Should().HaveCount(13).And.Contain("MNE");
        resolution.Footnotes.Should().Contain(f => f.Marker == "6" && f.Text == "页脚注。" && f.AttachedTo == "op33");
    }

    [Fact]
    public void ReadsATitleEndingInEmphasisAsATitleWithoutTheStarNote()
    {
        var resolution = Parsed(TestInput.SeedText("000").ReplaceOnce("46/13. 在人权领域促进合作共赢", "46/13. 在人权领域促进*合作共赢*"));

        resolution.Title.Should().Be("在人权领域促进合作共赢");
        resolution.Footnotes.Should().BeEmpty();
    }

    [Fact]
    public void RefusesAHeadingLineItCannotPlaceEvenBesideASponsorList()
    {
        // input-formats §2.6, §6: no line of the input is passed over; one that no rule places is an error
        var result = TestInput.Parse(TestInput.SeedText("001").ReplaceOnce("决议草案\n", "决议草案\n\n某一无法识别的标题行\n"));

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle()
            .Which.ToString().Should().Be("test.txt:19: expected a heading line (body, session, agenda item and its title, adoption date, committee report, sponsors, 决议草案, number and title), found a line no rule places: 某一无法识别的标题行");
    }

    [Fact]
    public void ReadsATitleWrappedOverSeveralLinesWithBlankLinesBetween()
    {
        // input-formats §2.6: the PDF-wrapped layout (§1.3) puts a blank line after every line, and a title can wrap
        var text = TestInput.SeedText("004").ReplaceOnce("37/23. 在人权领域促进合作共赢", "37/23. 在人权领域\n\n促进合作\n\n共赢");

        var result = TestInput.Parse(text);

        result.Diagnostics.Should().BeEmpty();
        result.Resolution!.Title.Should().Be(TestInput.ParseSeed("004").Resolution!.Title);
    }

    [Fact]
    public void ReadsAnInlineEnumerationWrappedBeforeItsThirdLabelAsText()
    {
        // input-formats §3.5: in the PDF-wrapped layout, "(c)" at the start of a line inside a sentence whose (a) and (b)
        // were inline is text
        var text = TestInput.SeedText("004").ReplaceOnce("事国的请求并按其确定的优先事项，通过合作共赢来加强人权技术援助与能力建\n\n设；", "事国的请求：(a) 甲，(b) 乙，\n\n(c) 丙；");

        var result = TestInput.Parse(text);

        result.Diagnostics.Should().BeEmpty();
        var paragraph = result.Resolution!.Operative[1];
        paragraph.Points.Should().BeEmpty();
        paragraph.Text.Should().Be("重申技术援助与能力建设对促进和保护人权的重要作用；呼吁各国应当事国的请求：(a) 甲，(b) 乙，(c) 丙；欢迎在此方面开展的北南、南南及三方合作；");
    }

    [Fact]
    public void StillReadsALabelOnItsOwnLineThatContinuesALineInitialList()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("4. 强调普遍", "4. 强调以下各项：\n(a) 甲；\n(b) 乙；\n(c) 普遍");

        var paragraph = TestInput.Parse(text).Resolution!.Operative[3];

        paragraph.Points.Select(p => p.Label).Should().Equal("(a)", "(b)", "(c)");
    }
}
