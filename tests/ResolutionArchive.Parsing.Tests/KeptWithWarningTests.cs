using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// Defects of a vote or sponsor list never drop a resolution (input-formats §4.4, §6 "Warnings"): a name the registry does
/// not know, a count that differs from its list, a state listed twice. The record is produced with what the text says —
/// the stated count, the resolved states, the unknown name verbatim — and one warning <c>FILE:LINE: warning: …</c> on the
/// exact line says what was expected.
/// </summary>
public class KeptWithWarningTests
{
    private const string File = "bad.txt";

    private static (Syntax.ParsedResolution Record, ParseDiagnostic Warning) SingleWarning(ParseResult result)
    {
        result.Errors.Should().BeEmpty();
        result.Resolution.Should().NotBeNull("a defect of a list never drops the record");
        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        return (result.Resolution!, warning);
    }

    [Fact]
    public void KeepsAVoteListWhoseLengthIsNotTheStatedCountWithBoth()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("乌拉圭和委内瑞拉玻利瓦尔共和国", "委内瑞拉玻利瓦尔共和国");

        var (record, warning) = SingleWarning(TestInput.Parse(text, File));

        text.LineOf("赞成：").Should().Be(84);
        warning.ToString().Should().Be("bad.txt:84: warning: expected 26 states in favour as the statement says, found 25 in the list 赞成：; both are kept");
        record.Vote.YesCount.Should().Be(26);
        record.Vote.Yes.Should().HaveCount(25).And.NotContain("URY");
        record.Vote.NonVoting.Should().Equal("URY");
    }

    [Fact]
    public void KeepsAStatedCountLargerThanTheListInThePdfLayout()
    {
        var text = TestInput.SeedText("004").ReplaceOnce("17 票弃权", "18 票弃权");

        var (record, warning) = SingleWarning(TestInput.Parse(text, File));

        warning.ToString().Should().Be($"bad.txt:{text.LineOf("弃权：")}: warning: expected 18 states abstaining as the statement says, found 17 in the list 弃权：; both are kept");
        warning.Line.Should().Be(133);
        record.Vote.AbstainCount.Should().Be(18);
        record.Vote.Abstain.Should().HaveCount(17);
    }

    [Fact]
    public void KeepsAnUnknownCountryNameVerbatimAndNamesIt()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("巴林、", "巴林、亚特兰蒂斯、").ReplaceOnce("26 票赞成", "27 票赞成");

        var (record, warning) = SingleWarning(TestInput.Parse(text, File));

        // line 86 prints the names; line 84 is the label 赞成：
        warning.ToString().Should().Be("bad.txt:86: warning: expected UN member or observer state names in the list 赞成： (in favour), found an unknown name: 亚特兰蒂斯 (kept without a country code)");
        record.Vote.YesCount.Should().Be(27);
        record.Vote.Yes.Should().HaveCount(26);
        record.Vote.Unresolved.Should().Equal(new Syntax.UnresolvedVoter(Syntax.VoteList.InFavour, "亚特兰蒂斯"));
    }

    [Fact]
    public void KeepsAnUnknownSponsorWithoutACode()
    {
        var text = TestInput.SeedText("001").ReplaceOnce("泰国*、", "泰国*、乌托邦*、");

        var (record, warning) = SingleWarning(TestInput.Parse(text, File));

        warning.ToString().Should().Be("bad.txt:16: warning: expected UN member or observer state names in the sponsor list, found an unknown name: 乌托邦 (kept without a country code)");
        record.Sponsors.Should().ContainSingle(s => s.Name == "乌托邦").Which.Should().Be(new Syntax.Sponsor(null, false, "乌托邦"));
    }

    [Fact]
    public void KeepsTheFirstListOfAStateThatVotesTwice()
    {
        var text = TestInput.SeedText("002").ReplaceOnce("弃权：\n\n墨西哥]", "弃权：\n\n中国]");

        var result = TestInput.Parse(text, File);

        result.Errors.Should().BeEmpty();
        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            $"bad.txt:{text.LineOf("弃权：")}: warning: expected each state once in the recorded vote, found CHN in both 赞成 and 弃权; the repeat is passed over");
        result.Resolution!.Vote.Yes.Should().Contain("CHN");
        result.Resolution.Vote.Abstain.Should().BeEmpty();
        result.Resolution.Vote.NonVoting.Should().Equal("MEX");
    }

    [Fact]
    public void KeepsARecordWhoseAdoptionStatementNamesNoOutcome()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("经记录表决", "经表决");

        var (record, warning) = SingleWarning(TestInput.Parse(text, File));

        warning.Message.Should().StartWith("expected an adoption statement with 经记录表决, 未经表决 or 默许程序, found [经表决").And.EndWith("; the adoption is recorded as not stated");
        record.Vote.Mode.Should().Be(Syntax.VoteMode.NotStated);
        record.Operative.Should().HaveCount(8, "everything else of the record is kept");
    }

    [Fact]
    public void ReadsTheSilenceProcedure()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("经记录表决，以 26 票赞成、15 票反对、6 票弃权获得通过。表决结果如下：", "按照默许程序获得通过。");

        var result = TestInput.Parse(text, File);

        result.Resolution!.Vote.Mode.Should().Be(Syntax.VoteMode.SilenceProcedure);
    }
}
