using System.Text;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// Random mutations of the seeds (fixed seed, so every run sees the same cases): each must end in a record or in an
/// error diagnostic, never in an exception, and a record must be internally consistent.
/// </summary>
public class RobustnessTests(ITestOutputHelper output)
{
    private const int RandomSeed = 20_260_401;
    private const int Cases = 1_500;

    private static readonly string[] Junk =
    [
        "**", "*", "_", "`code`", "[链接](#)", "[", "]", "(", ")", "（", "）", "\\", "<script>alert(1)</script>", "<br/>",
        "&amp;", "&#x4E2D;", "¹", "²³", "¹²", "⁰", "⁴⁵⁶⁷⁸⁹", "\u0001", "\u0007", "\u001B[31m", "\t", "\r", "\r\n", "\n\n",
        "\u3000", "\uFEFF", "\u200B", "\u202E", "😀", "#", "## ", "> ", "- ", "1. ", "99. ", "(a) ", "(iv) ", "赞成：",
        "反对：", "弃权：", "和", "、", "票", "[经记录表决，以 99999999999 票赞成", "[未经表决获得通过。]", "第 9999 次会议",
        "2021 年 2 月 29 日", "人权理事会，", "大会，", "43/...", "* ", "]", "第一百零五届会议", "黑\n山", "�", "４９", "٣", "第 ４ 次会议", "２０２１ 年",
    ];

    [Fact]
    public void EndsEveryMutationOfTheSeedsInARecordOrAnError()
    {
        var random = new Random(RandomSeed);
        var seeds = TestInput.SeedIds.Select(TestInput.SeedText).ToArray();
        var failures = new List<string>();
        var run = 0;
        var records = 0;
        var errors = 0;
        var byMutation = new Dictionary<string, (int Records, int Errors)>();

        for (var i = 0; i < Cases; i++)
        {
            var seed = random.Next(seeds.Length);
            var (bytes, mutation) = Mutate(seeds[seed], random);
            var file = $"fuzz-{i}-{TestInput.SeedIds[seed]}.txt";
            run++;
            try
            {
                var result = ResolutionTextParser.Parse(bytes, file);
                var problem = Check(result, file);
                if (problem is not null)
                {
                    failures.Add($"case {i} ({mutation} of seed {TestInput.SeedIds[seed]}): {problem}");
                }

                var (r, e) = byMutation.GetValueOrDefault(mutation);
                if (result.Succeeded)
                {
                    records++;
                    byMutation[mutation] = (r + 1, e);
                }
                else
                {
                    errors++;
                    byMutation[mutation] = (r, e + 1);
                }
            }
#pragma warning disable CA1031 // the point of the test: any exception is a finding, reported with its case
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"case {i} ({mutation} of seed {TestInput.SeedIds[seed]}): {ex.GetType().Name}: {ex.Message}");
            }
        }

        output.WriteLine($"{run} mutated inputs: {records} records, {errors} rejected with an error (System.Random seed {RandomSeed})");
        foreach (var (mutation, (r, e)) in byMutation.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {mutation,-12} {r,5} records {e,5} errors");
        }

        run.Should().BeGreaterThanOrEqualTo(1000);
        failures.Should().BeEmpty();
        records.Should().BePositive("some mutations (junk inside a clause) leave a valid resolution");
        errors.Should().BePositive("most cuts leave an invalid one");
    }

    /// <summary>Null when <paramref name="result"/> is consistent; otherwise what is wrong with it.</summary>
    private static string? Check(ParseResult result, string file)
    {
        if (result.Diagnostics.Any(d => d.File != file || d.Line < 1))
        {
            return "a diagnostic without the file name or with a line below 1";
        }

        if (result.Resolution is null)
        {
            return result.Errors.Any() ? null : "no record and no error";
        }

        if (result.Errors.Any())
        {
            return "a record despite an error";
        }

        var r = result.Resolution;
        var vote = r.Vote;
        // input-formats §4.4: a list that differs from its stated count is kept, and a warning must say so
        if (vote.Mode == VoteMode.Recorded && (vote.Yes.Count != vote.YesCount || vote.No.Count != vote.NoCount || vote.Abstain.Count != vote.AbstainCount)
            && !result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning && (d.Message.Contains("as the statement says", StringComparison.Ordinal) || d.Message.Contains("unknown name", StringComparison.Ordinal) || d.Message.Contains("each state once", StringComparison.Ordinal))))
        {
            return "a recorded vote whose lists do not have the stated lengths, and no warning that says so";
        }

        if (r.Operative.Count == 0 || r.Operative.Select(c => c.Number).Where((n, i) => n != $"{i + 1}").Any())
        {
            return "operative paragraphs not numbered 1, 2, 3, …";
        }

        var json = ResolutionJson.Serialize(r);
        return ResolutionJson.Serialize(ResolutionJson.Deserialize(json)) == json ? null : "the JSON does not round-trip";
    }

    private static (byte[] Bytes, string Mutation) Mutate(string text, Random random)
    {
        var kind = random.Next(8);
        switch (kind)
        {
            case 0:
                return (Encoding.UTF8.GetBytes(text[..random.Next(text.Length + 1)]), "cut");
            case 1:
            {
                var lines = text.Split('\n').ToList();
                var at = random.Next(lines.Count);
                lines.Insert(at, lines[at]);
                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), "duplicate");
            }

            case 2:
            {
                var lines = text.Split('\n');
                for (var swaps = random.Next(1, 4); swaps > 0; swaps--)
                {
                    var a = random.Next(lines.Length);
                    var b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }

                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), "shuffle");
            }

            case 3:
            {
                var builder = new StringBuilder(text);
                for (var drops = random.Next(1, 20); drops > 0 && builder.Length > 0; drops--)
                {
                    builder.Remove(random.Next(builder.Length), 1);
                }

                return (Encoding.UTF8.GetBytes(builder.ToString()), "drop");
            }

            case 4:
            case 5:
            {
                var builder = new StringBuilder(text);
                for (var inserts = random.Next(1, 6); inserts > 0; inserts--)
                {
                    builder.Insert(random.Next(builder.Length + 1), Junk[random.Next(Junk.Length)]);
                }

                return (Encoding.UTF8.GetBytes(builder.ToString()), "junk");
            }

            case 6:
            {
                // a random control character or superscript in many places at once
                var builder = new StringBuilder(text);
                var ch = random.Next(3) switch
                {
                    0 => (char)random.Next(1, 32),
                    1 => "⁰¹²³⁴⁵⁶⁷⁸⁹"[random.Next(10)],
                    _ => "*_[]()\\<>#`"[random.Next(11)],
                };
                for (var inserts = random.Next(1, 40); inserts > 0; inserts--)
                {
                    builder.Insert(random.Next(builder.Length + 1), ch);
                }

                return (Encoding.UTF8.GetBytes(builder.ToString()), "scatter");
            }

            default:
            {
                // raw bytes: a random byte overwritten, usually breaking a UTF-8 sequence
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return (bytes, "bytes");
            }
        }
    }

    /// <summary>
    /// Inline markdown nested beyond Markdig's depth limit, or so deep that a recursive walk of its tree would overflow
    /// the stack (found by the fuzz suite of issue 8): the paragraph is read, its characters kept, nothing thrown.
    /// Line 23 is the title of seed 000, line 63 its operative paragraph 1.
    /// </summary>
    [Theory]
    [InlineData(63, "[", 10_242, "")]
    [InlineData(23, "[", 10_242, "")]
    [InlineData(23, "*", 40_000, "人")]
    [InlineData(63, "*_", 5_000, "人")]
    [InlineData(63, "[人", 20_000, "](#)")]
    public void ReadsInlineSyntaxNestedBeyondAnyDepthWithoutThrowing(int line, string open, int times, string middle)
    {
        var lines = TestInput.SeedText("000").Split('\n');
        var close = open switch { "*" => "*", "*_" => "_*", _ => "" };
        lines[line - 1] = lines[line - 1].TrimEnd('\r') + string.Concat(Enumerable.Repeat(open, times)) + middle + string.Concat(Enumerable.Repeat(close, times));

        var result = TestInput.Parse(string.Join('\n', lines), "deep.txt");

        result.Resolution.Should().NotBeNull(string.Join("; ", result.Errors));
        var text = line == 23 ? result.Resolution!.Title : result.Resolution!.Operative[0].Text;
        text.Should().StartWith(line == 23 ? "在人权领域促进合作共赢" : "叼请所有国家").And.Contain(middle.Length > 0 ? "人" : "[[[[");
    }

    /// <summary>
    /// AKN nested deeper than <see cref="ResolutionArchive.Parsing.Akn.AknResolutionReader.MaxDepth"/> (docs/input-formats.md
    /// §7.1): a FILE:LINE error at the line of the first element too deep, found by a streaming pass (the fuzz suite's
    /// 30,000 levels took 6 s through the tree walk). Nesting up to the limit is still read.
    /// </summary>
    [Theory]
    [InlineData(30_000, true)]
    [InlineData(65, true)]
    [InlineData(40, false)]
    public void RefusesAknNestedBeyondTheLimitAtTheLineOfTheFirstElementTooDeep(int levels, bool refused)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Akn", "Sample", "A_RES_76_159-2119201C.xml");
        var lines = File.ReadAllText(path).Split('\n');
        lines[213] += "\n" + string.Concat(Enumerable.Repeat("<span>", levels)) + "人" + string.Concat(Enumerable.Repeat("</span>", levels));

        var result = ResolutionArchive.Parsing.Akn.AknResolutionReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "deep.xml");

        if (refused)
        {
            result.Resolution.Should().BeNull();
            result.Errors.Select(e => e.ToString()).Should().Equal("deep.xml:215: expected AKN4UN XML nested at most 64 elements deep, found deeper nesting");
        }
        else
        {
            result.Resolution.Should().NotBeNull(string.Join("; ", result.Errors));
        }
    }

    [Theory]
    [InlineData("[经记录表决，以 99999999999 票赞成、1 票反对获得通过。表决结果如下：")]
    [InlineData("[经记录表决，以 1 票赞成、99999999999 票反对获得通过。表决结果如下：")]
    [InlineData("[经记录表决，以 99999999999 票对 1 票、99999999999 票弃权获得通过。表决结果如下：")]
    public void RejectsAVoteCountTooLargeForAnIntegerWithoutThrowing(string statement)
    {
        var text = TestInput.SeedText("000").ReplaceOnce("[经记录表决，以 26 票赞成、15 票反对、6 票弃权获得通过。表决结果如下：", statement);

        var result = TestInput.Parse(text, "big.txt");

        result.Resolution.Should().BeNull();
        result.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void ReportsAVoteCountTooLargeForAnInteger()
    {
        var text = TestInput.SeedText("000").ReplaceOnce("6 票弃权", "99999999999 票弃权");

        var result = TestInput.Parse(text, "big.txt");

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Contain("big.txt:82: expected a number of votes, found 99999999999");
    }

    [Fact]
    public void PassesOverACommitteeReportParagraphTooLargeForAnIntegerWithAWarning()
    {
        var text = TestInput.SeedText("003").ReplaceOnce("第 114 段", "第 99999999999 段");

        var result = TestInput.Parse(text, "big.txt");

        result.Resolution!.CommitteeReport.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<ParseDiagnostic>(d => d.Severity == DiagnosticSeverity.Warning && d.Line == 19);
    }

    [Theory]
    [InlineData("第 49 次会议", "第 ４９ 次会议", 80, "expected the date, the meeting or the adoption statement at the foot, found 第 ４９ 次会议")]
    [InlineData("2021 年 3 月 23 日  \n第", "２０２１ 年 3 月 23 日  \n第", 79, "expected operative paragraph 9 (a line starting with '9.'), found unnumbered text: ２０２１ 年 3 月 23 日")]
    public void RejectsFullWidthDigitsWhereTheLayoutPrintsAsciiDigits(string from, string to, int line, string message)
    {
        var text = TestInput.SeedText("000").ReplaceOnce(from, to);

        var result = TestInput.Parse(text, "wide.txt");

        result.Resolution.Should().BeNull();
        result.Errors.Select(e => e.ToString()).Should().Contain($"wide.txt:{line}: {message}");
    }
}
