using System.Text;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// Texts that are not valid resolutions: each gives no record and a diagnostic <c>FILE:LINE: …</c> on the exact line.
/// Line numbers are computed from the input where the input is a transformed seed, and stated where it matters.
/// </summary>
public class ValidationTests
{
    private const string File = "bad.txt";

    private static ParseDiagnostic SingleError(ParseResult result)
    {
        result.Resolution.Should().BeNull("an invalid text gives no record");
        result.Succeeded.Should().BeFalse();
        return result.Errors.Should().ContainSingle().Subject;
    }

    [Fact]
    public void RejectsAGapInTheOperativeNumbering()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("4. 强调普遍", "5. 强调普遍");

        var error = TestInput.Parse(text, File).Errors.First();

        error.ToString().Should().Be("bad.txt:69: expected operative paragraph 4, found paragraph 5 (a gap or a repeat in the numbering)");
        TestInput.Parse(text, File).Resolution.Should().BeNull();
    }

    [Fact]
    public void RejectsARepeatedOperativeNumberInThePdfLayout()
    {
        var text = TestInput.SeedText("004").ReplaceOnce(" 3.  强调", " 2.  强调");

        var result = TestInput.Parse(text, File);

        result.Resolution.Should().BeNull();
        result.Errors.First().ToString().Should().Be($"bad.txt:{text.LineOf("2.  强调")}: expected operative paragraph 3, found paragraph 2 (a gap or a repeat in the numbering)");
    }

    [Fact]
    public void RejectsAFootnoteMarkerWithNoFootnote()
    {
        var text = TestInput.SeedText("001").ReplaceOnce("¹ A/HRC/43/31。", "");

        var error = SingleError(TestInput.Parse(text, File));

        error.ToString().Should().Be("bad.txt:77: expected a footnote 1 for the marker in operative paragraph 5, found none");
    }

    [Fact]
    public void RejectsAFootnoteMarkerWithNoFootnoteInAPreambleClause()
    {
        var text = TestInput.SeedText("003").ReplaceOnce("⁶ 见 E/CN.4", "见 E/CN.4");

        var result = TestInput.Parse(text, File);

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Contain($"bad.txt:{text.LineOf("回顾促进和保护人权小组委员会")}: expected a footnote 6 for the marker in preamble clause 15, found none");
    }

    [Fact]
    public void RejectsAFootnoteWithNoMarker()
    {
        var text = TestInput.SeedText("001").ReplaceOnce("报告；¹", "报告；");

        var error = SingleError(TestInput.Parse(text, File));

        error.ToString().Should().Be("bad.txt:89: expected a marker 1 in the text for this footnote, found none");
    }

    [Fact]
    public void RejectsTwoFootnotesWithOneMarker()
    {
        var text = TestInput.SeedText("002").ReplaceOnce("⁵ A/HRC/53/46。", "⁴ A/HRC/53/46。");

        var result = TestInput.Parse(text, File);

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Contain("bad.txt:184: expected one footnote 4, found a second one (the first is at line 152)");
    }

    [Fact]
    public void RejectsATextThatIsNotAResolution()
    {
        const string readme = "# ResolutionArchive\n\nA web archive of UN resolutions.\n\n## Build\n\n    dotnet build\n";

        var error = SingleError(TestInput.Parse(readme, "README.md"));

        error.ToString().Should().Be("README.md:8: expected the enacting formula (人权理事会， or 大会，) that opens the preamble, found the end of the text");
    }

    [Fact]
    public void RejectsAResolutionWithoutOperativeParagraphs()
    {
        var seed = TestInput.SeedText("001");
        var text = seed[..seed.IndexOf("1. 吁请", StringComparison.Ordinal)];

        var result = TestInput.Parse(text, File);

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Contain($"bad.txt:{text.Count(c => c == '\n') + 1}: expected operative paragraphs (a line starting with '1.'), found the end of the text");
    }

    [Fact]
    public void RejectsAFileTruncatedInTheMiddleOfTheVoteList()
    {
        var seed = TestInput.SeedText("000");
        var text = seed[..seed.IndexOf("索马里", StringComparison.Ordinal)]; // ends inside line 86, the list in favour

        var result = TestInput.Parse(text, File);

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Equal(
            "bad.txt:87: expected ']' closing the adoption statement that starts at line 82, found the end of the text");
        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(e => e.ToString()).Should().Equal(
            "bad.txt:82: warning: expected 15 states against as the statement says, found 0 in the list 反对：; both are kept",
            "bad.txt:82: warning: expected 6 states abstaining as the statement says, found 0 in the list 弃权：; both are kept",
            "bad.txt:84: warning: expected 26 states in favour as the statement says, found 21 in the list 赞成：; both are kept");
    }

    [Fact]
    public void RejectsAFileTruncatedAfterTheStatementInThePdfLayout()
    {
        var seed = TestInput.SeedText("004");
        var text = seed[..(seed.IndexOf("表决情况如下：", StringComparison.Ordinal) + "表决情况如下：".Length)] + " \n";

        var result = TestInput.Parse(text, File);

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Contain("bad.txt:117: expected ']' closing the adoption statement that starts at line 116, found the end of the text");
    }

    [Fact]
    public void RejectsBinaryInputAtTheLineOfTheNulByte()
    {
        var bytes = Encoding.UTF8.GetBytes("人权理事会\n\n第四十六届会议\n").Concat(new byte[] { 0x89, 0x50, 0x00, 0x01 }).ToArray();

        var error = SingleError(ResolutionTextParser.Parse(bytes, "image.png"));

        error.ToString().Should().Be("image.png:4: expected UTF-8 text, found binary data (a NUL byte)");
    }

    [Fact]
    public void RejectsANulCharacterInDecodedText()
    {
        var error = SingleError(ResolutionTextParser.ParseText(TestInput.SeedText("000") + "\0", File));

        error.ToString().Should().Be("bad.txt:1: expected UTF-8 text, found binary data (a NUL byte)");
    }

    [Fact]
    public void RejectsInvalidUtf8AtTheLineOfTheBadBytes()
    {
        var seed = TestInput.SeedBytes("000");
        var at = seed.AsSpan().IndexOf("第 49 次会议"u8);
        var bytes = seed[..at].Concat(new byte[] { 0xFF, 0xFE }).Concat(seed[at..]).ToArray();

        var error = SingleError(ResolutionTextParser.Parse(bytes, File));

        error.ToString().Should().Be("bad.txt:80: expected UTF-8 text, found bytes that are not valid UTF-8");
    }

    [Fact]
    public void RejectsUtf16Text()
    {
        // seed 004 starts " 人…": the high byte of the space is the first NUL
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestInput.SeedText("004"))).ToArray();

        var error = SingleError(ResolutionTextParser.Parse(bytes, File));

        error.ToString().Should().Be("bad.txt:1: expected UTF-8 text, found binary data (a NUL byte)");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    public void RejectsAnEmptyFile(string text)
    {
        var error = SingleError(TestInput.Parse(text, "empty.txt"));

        error.ToString().Should().Be("empty.txt:1: expected the enacting formula (人权理事会， or 大会，) that opens the preamble, found the end of the text");
    }

    [Fact]
    public void RejectsAFileOfBlankLines()
    {
        var error = SingleError(TestInput.Parse("\n  \n\u3000\n", "blank.txt"));

        error.ToString().Should().Be("blank.txt:4: expected the enacting formula (人权理事会， or 大会，) that opens the preamble, found the end of the text");
    }

    [Fact]
    public void RejectsTextAfterTheAdoptionStatement()
    {
        var text = TestInput.SeedText("003") + "\n\n[经记录表决，以 1 票赞成、0 票反对获得通过。]\n\n多余的一段文字。\n";

        var result = TestInput.Parse(text, File);

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Contain($"bad.txt:{text.LineOf("多余的一段文字")}: expected nothing but footnotes after the adoption statement, found 多余的一段文字。");
    }

    [Fact]
    public void RejectsAnImpossibleDate()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("2021 年 3 月 23 日  \n第 49 次会议", "2021 年 2 月 30 日  \n第 49 次会议");

        var result = TestInput.Parse(text, File);

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Contain("bad.txt:79: expected a real date, found 2021 年 2 月 30 日");
    }

    [Fact]
    public void RejectsAFootDateThatContradictsTheHeading()
    {
        var text = TestInput.SeedText("002").ReplaceOnce("2023 年 7 月 12 日\n", "2023 年 7 月 13 日\n");

        var error = SingleError(TestInput.Parse(text, File));

        error.ToString().Should().Be("bad.txt:174: expected the date at the foot to equal the adoption date in the heading (2023-07-12, line 16), found 2023-07-13");
    }

    [Fact]
    public void ReportsEveryDiagnosticWithTheFileNameAsGiven()
    {
        var result = TestInput.Parse("no resolution here", "some/dir/x.md");

        result.Diagnostics.Should().OnlyContain(d => d.File == "some/dir/x.md" && d.ToString().StartsWith("some/dir/x.md:", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAMissingStarNoteAtTheSponsorLine()
    {
        var text = TestInput.SeedText("001").ReplaceOnce("* 非人权理事会成员国。\n", "");

        var error = SingleError(TestInput.Parse(text, File));

        error.ToString().Should().Be("bad.txt:16: expected a footnote * for the marker in the sponsor list, found none");
    }

    [Fact]
    public void ReportsInvalidUtf8AtItsLineWhenTheLinesEndWithCarriageReturnsAlone()
    {
        var bytes = Encoding.UTF8.GetBytes("人权理事会\r\r第四十六届会议\r").Concat(new byte[] { 0xFF, 0xFE, (byte)'\r' }).ToArray();

        var error = SingleError(ResolutionTextParser.Parse(bytes, File));

        error.ToString().Should().Be("bad.txt:4: expected UTF-8 text, found bytes that are not valid UTF-8");
    }

    [Theory]
    [InlineData("\u0001", "0001")]
    [InlineData("\u001b]0;PWNED\u0007", "001B")]
    [InlineData("\u0085", "0085")]
    [InlineData("\uFFFE", "FFFE")]
    [InlineData("\U0001FFFF", "1FFFF")]
    public void RejectsControlCharactersAndNoncharactersWithTheirLine(string inserted, string codePoint)
    {
        // input-formats §1.1 (issue 14 item 5): as a NUL byte is; the AKN export could not hold them
        var text = TestInput.SeedText("000").ReplaceOnce("阿根廷、", "阿根廷" + inserted + "、");

        var error = SingleError(TestInput.Parse(text, File));

        error.ToString().Should().Be($"bad.txt:{text.LineOf("阿根廷")}: expected text without control characters or noncharacters, found U+{codePoint}");
    }
}
