using System.Diagnostics;
using System.Text;
using CsCheck;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing.Tests.Fuzz;

/// <summary>
/// The fuzz suite over the parser (CsCheck): more than 10,000 generated and mutated inputs, fed to
/// <see cref="ResolutionSourceReader.Read"/> as an importer would, each of which must end in a record or in errors,
/// never in an exception, within <see cref="FuzzOracle.PerInputLimit"/>, with every diagnostic printed as
/// <c>FILE:LINE: …</c> (LINE ≥ 1) and every record serialisable to the archive's JSON (<see cref="FuzzOracle"/>).
/// The inputs are (a) mutations of the five seed texts (<see cref="TextMutator"/>), (b) mutations of the AKN sample and
/// of AKN exports (<see cref="AknMutator"/>, DTDs and entity bombs included), and (c) random bytes, text, seed-line soup
/// and AKN element soup (<see cref="RandomInputs"/>). RobustnessTests' 1,500 cuts and junk insertions come on top.
/// CsCheck draws new cases each run; a failure prints the seed to replay it (<c>CsCheck_Seed=…</c>), the shrunk input,
/// and where the input's bytes were saved. The counts of each run are written to the test output.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    /// <summary>Mutated seed texts.</summary>
    public const int TextCases = 5_000;

    /// <summary>Mutated AKN documents.</summary>
    public const int AknCases = 3_500;

    /// <summary>Random inputs of each of the four kinds.</summary>
    public const int RandomCasesEach = 650;

    /// <summary>
    /// A multiplier of every count, from the environment variable <c>PARSER_FUZZ_SCALE</c> (default 1): set it to fuzz
    /// longer by hand, e.g. <c>PARSER_FUZZ_SCALE=20 dotnet test --filter ParserFuzzTests</c>.
    /// </summary>
    private static readonly int Scale =
        int.TryParse(Environment.GetEnvironmentVariable("PARSER_FUZZ_SCALE"), out var scale) && scale > 0 ? scale : 1;

    /// <summary>The most one sample run may take before the test reports the inputs still being read (a hang).</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(150 * Scale);

    [Fact]
    public void TheSuiteGeneratesAtLeastTenThousandInputs() =>
        (TextCases + AknCases + (4 * RandomCasesEach)).Should().BeGreaterThanOrEqualTo(10_000);

    [Fact]
    public async Task NoMutationOfTheSeedTextsThrows()
    {
        var oracle = await RunAsync("seed text mutations", TextMutator.Cases(FuzzCorpus.Texts), TextCases);

        oracle.Parsed.Should().BePositive("some mutations (a swapped preamble line, a BOM, CRLF) leave a valid resolution");
        oracle.Rejected.Should().BePositive("most leave an invalid one");
    }

    [Fact]
    public async Task NoMutationOfTheAknDocumentsThrows()
    {
        var withDtd = 0;
        var oracle = await RunAsync("AKN mutations", AknMutator.Cases(FuzzCorpus.Akn), AknCases, input =>
        {
            // the sniffing sends a document with a DTD (or a broken prolog) to the text parser; the AKN reader on its own
            // must refuse it as well, without expanding an entity
            if (ResolutionSourceReader.FormatOf(input.Bytes) == "text")
            {
                var direct = FuzzOracle.CheckAknReader(input);
                if (Encoding.UTF8.GetString(input.Bytes).Contains("<!DOCTYPE", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref withDtd);
                    if (direct.Succeeded)
                    {
                        throw new FuzzFindingException($"a document with a DTD was read by the AKN reader: {input}");
                    }
                }
            }
        });

        output.WriteLine($"  {withDtd} inputs with a DTD, each refused by the AKN reader as well");
        oracle.RoutedToAkn.Should().BeGreaterThan(oracle.Inputs / 2, "most mutations keep the root element, so they reach the AKN reader");
        oracle.Parsed.Should().BePositive("some mutations leave a readable document");
        oracle.Rejected.Should().BePositive();
        withDtd.Should().BePositive("the mutations include DTDs");
    }

    [Fact]
    public async Task NoRandomInputThrows()
    {
        var bytes = await RunAsync("random bytes", RandomInputs.Bytes, RandomCasesEach);
        var text = await RunAsync("random text", RandomInputs.Text, RandomCasesEach);
        var lines = await RunAsync("random seed lines", RandomInputs.LineSoup(FuzzCorpus.SeedLines), RandomCasesEach);
        var elements = await RunAsync("random AKN elements", RandomInputs.ElementSoup, RandomCasesEach);

        bytes.Rejected.Should().Be(bytes.Inputs, "random bytes are never a resolution");
        elements.RoutedToAkn.Should().Be(elements.Inputs, "element soup is under an akomaNtoso root");
        (text.Inputs + lines.Inputs).Should().Be(2 * RandomCasesEach * Scale);
    }

    /// <summary>Entity expansion and external entities: refused at once, without expanding or fetching anything.</summary>
    [Theory]
    [InlineData("billion laughs", 0)]
    [InlineData("quadratic blow-up", 1)]
    [InlineData("external entity (file)", 2)]
    [InlineData("external parameter entity (network)", 3)]
    [InlineData("external DTD (network)", 4)]
    [InlineData("external DTD (/dev/zero)", 5)]
    [InlineData("DTD redefining the namespace", 6)]
    [InlineData("recursive entities", 7)]
    [InlineData("empty DTD", 8)]
    public async Task RefusesADtdQuicklyAndWithoutExpandingIt(string name, int dtd)
    {
        var prolog = AknFuzzVocabulary.Dtds[dtd];
        var reference = prolog.Contains("lol9", StringComparison.Ordinal) ? "&lol9;" : prolog.Contains("xxe", StringComparison.Ordinal) ? "&xxe;" : "&a;";
        var sample = FuzzCorpus.Akn.First(d => d.Name.StartsWith("A_RES_76_159", StringComparison.Ordinal)).Text;
        var root = sample.IndexOf("<akomaNtoso", StringComparison.Ordinal);
        var document = sample.Insert(root, prolog + "\n");
        var p = document.IndexOf("<p>", StringComparison.Ordinal);
        document = document.Insert(p + 3, reference);
        var bytes = Encoding.UTF8.GetBytes(document);
        var input = new FuzzCase($"dtd {name}", name, bytes);

        foreach (var (reader, read) in new (string, Func<ParseResult>)[]
        {
            ("ResolutionSourceReader", () => ResolutionSourceReader.Read(bytes, "dtd.xml")),
            ("AknResolutionReader", () => AknResolutionReader.Read(bytes, "dtd.xml")),
        })
        {
            var (result, elapsed, allocated) = await MeasureAsync(read);
            output.WriteLine($"{name}, {reader}: {elapsed.TotalMilliseconds:0} ms, {allocated / 1024} KiB allocated: {string.Join(" | ", result.Diagnostics.Take(2))}");

            FuzzOracle.Problem(result, "dtd.xml").Should().BeNull(input.ToString());
            result.Succeeded.Should().BeFalse("a document with a DTD is refused");
            // what shows an expansion is the memory it takes (deterministic); the time is printed, not asserted
            allocated.Should().BeLessThan(64L * 1024 * 1024, "nothing is expanded");
            result.Diagnostics.Select(d => d.Message).Should().NotContain(m => m.Contains("root:", StringComparison.Ordinal), "no file is read");
            if (reader == "AknResolutionReader")
            {
                result.Errors.First().Message.Should().Contain("DTD", "the error says why");
            }
        }
    }

    /// <summary>A billion laughs inside an otherwise valid AKN document, given straight to the AKN reader (the sniffing is bypassed).</summary>
    [Fact]
    public async Task TheAknReaderRefusesABillionLaughsWithoutExpandingIt()
    {
        var document = "<?xml version=\"1.0\"?>" + AknMutator.BillionLaughs("lol", 10)
            + $"<akomaNtoso xmlns=\"{AknResolutionReader.Namespace}\"><statement name=\"resolution\"><mainBody><p>&lol9;</p></mainBody></statement></akomaNtoso>";

        var (result, elapsed, allocated) = await MeasureAsync(() => AknResolutionReader.Read(Encoding.UTF8.GetBytes(document), "laughs.xml"));

        output.WriteLine($"{elapsed.TotalMilliseconds:0} ms, {allocated / 1024} KiB: {string.Join(" | ", result.Diagnostics)}");
        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.ToString().Should().StartWith("laughs.xml:1: ").And.Contain("DTD");
        allocated.Should().BeLessThan(16L * 1024 * 1024, "nothing is expanded (a billion laughs would take gigabytes)");
        ResolutionSourceReader.FormatOf(Encoding.UTF8.GetBytes(document)).Should().Be("text", "the sniffing refuses a DTD too");
    }

    /// <summary>
    /// Findings of the fuzz suite, pinned: long runs of markdown delimiters in one paragraph (seed 000, appended to its
    /// title, line 23, or to operative paragraph 1, line 63) made Markdig throw <see cref="ArgumentException"/> ("Markdown
    /// elements in the input are too deeply nested") out of <c>InlineText.ToPlainText</c>, through
    /// <see cref="ResolutionSourceReader.Read"/>. The text must be read or rejected, never thrown on.
    /// </summary>
    [Theory]
    [InlineData("20,000 [ after operative paragraph 1", 63, "[", 20_000, "", "")]
    [InlineData("10,242 [ after operative paragraph 1 (the smallest that threw)", 63, "[", 10_242, "", "")]
    [InlineData("20,000 [ after the title", 23, "[", 20_000, "", "")]
    [InlineData("5,000 *_ around a word in the title", 23, "*_", 5_000, "人", "_*")]
    [InlineData("20,000 nested links in operative paragraph 1", 63, "[", 20_000, "人", "](#)")]
    public void ReadsOrRejectsLongRunsOfMarkdownDelimitersWithoutThrowing(string name, int line, string open, int count, string middle, string close)
    {
        var lines = TestInput.SeedText("000").Split('\n');
        lines[line - 1] += string.Concat(Enumerable.Repeat(open, count)) + middle + string.Concat(Enumerable.Repeat(close, middle.Length == 0 ? 0 : count));
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));

        var read = () => ResolutionSourceReader.Read(bytes, "runs.txt");

        var result = read.Should().NotThrow(name).Subject;
        FuzzOracle.Problem(result, "runs.txt").Should().BeNull();
    }

    /// <summary>
    /// A finding of the fuzz suite, fixed in InlineText (an explicit stack instead of one call per level): 40,000
    /// <c>*</c>, a word and 40,000 <c>*</c> appended to the title of seed 000 (line 23) nest emphasis 20,000 deep and
    /// used to overflow the stack in <c>InlineText.Append</c>, killing the process. The line is now a record or a
    /// FILE:LINE error, never an exception.
    /// </summary>
    [Fact]
    public void DeeplyNestedEmphasisDoesNotOverflowTheStack()
    {
        var lines = TestInput.SeedText("000").Split('\n');
        lines[22] += new string('*', 40_000) + "人" + new string('*', 40_000);

        var result = ResolutionSourceReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "stars.txt");

        FuzzOracle.Problem(result, "stars.txt").Should().BeNull();
    }

    /// <summary>
    /// Runs <paramref name="cases"/> through the oracle (and <paramref name="extra"/>) on CsCheck's threads, within
    /// <see cref="RunLimit"/>; writes the counts to the output.
    /// </summary>
    private async Task<FuzzOracle> RunAsync(string name, Gen<FuzzCase> cases, int count, Action<FuzzCase>? extra = null)
    {
        count *= Scale;
        var oracle = new FuzzOracle();
        var stopwatch = Stopwatch.StartNew();
        var run = Task.Run(() => cases.Sample(
            input =>
            {
                oracle.Check(input);
                extra?.Invoke(input);
            },
            writeLine: output.WriteLine,
            iter: count,
            print: input => input.ToString()));
        var finished = await Task.WhenAny(run, Task.Delay(RunLimit));
        if (finished != run)
        {
            throw new FuzzFindingException($"{name}: not finished after {RunLimit.TotalSeconds:0} s; inputs still being read:\n" + string.Join("\n", oracle.Running()));
        }

        await run; // rethrows CsCheck's failure: the seed, the shrunk input and the finding
        foreach (var line in oracle.Report(name))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"  {stopwatch.Elapsed.TotalSeconds:0.0} s");
        oracle.Inputs.Should().BeGreaterThanOrEqualTo(count);
        return oracle;
    }

    /// <summary>Runs <paramref name="read"/> on its own thread: the result, the time it took and the bytes it allocated.</summary>
    private static async Task<(ParseResult Result, TimeSpan Elapsed, long Allocated)> MeasureAsync(Func<ParseResult> read)
    {
        var task = Task.Factory.StartNew(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var started = Stopwatch.GetTimestamp();
                var result = read();
                return (result, Stopwatch.GetElapsedTime(started), GC.GetAllocatedBytesForCurrentThread() - before);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
