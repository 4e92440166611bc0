using System.Text;
using System.Text.Json.Nodes;
using ResolutionArchive.Parsing.Parsers;
using ResolutionArchive.Parsing.References;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests.Specs;

/// <summary>
/// Runs every example of <c>docs/input-formats.md</c> (issue 15 item 9: the spec and the parser cannot drift). A
/// <c>heading</c>, <c>body</c> or <c>foot</c> example replaces that part of the document's base text, an
/// <c>akn-meta</c>, <c>akn-front</c> or <c>akn-body</c> one that part of its base AKN4UN document; a <c>file</c>
/// example is a whole file, text or AKN4UN XML, told apart by content as the importer does. Their expected output is a
/// JSON object — a subset of what <see cref="ResolutionJson"/> writes, plus <c>"diagnostics"</c> when the file gives
/// warnings — or the diagnostics alone, one <c>FILE:LINE: message</c> a line. A <c>references</c> example lists what
/// <see cref="ReferenceFinder"/> finds in a clause of the body named; a <c>verbs</c> example gives
/// <see cref="OperativeVerbs.LeadingVerb"/> for each input line.
/// </summary>
public sealed class InputFormatSpecTests
{
    /// <summary>
    /// Sections without an example: §7.13, §8.7 and §9.4 report figures measured on the corpus and the seeds, and §8.6 is
    /// how the page renders links and emphasis together, not an input rule (<c>References/LinkedTextTests.cs</c>).
    /// </summary>
    private static readonly string[] Exempt = ["§7.13", "§8.6", "§8.7", "§9.4"];

    public static TheoryData<string> Examples() => new(SpecExamples.All().Select(e => e.ToString()));

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheParserDoesWhatTheExampleSays(string name)
    {
        var example = SpecExamples.All().Single(e => e.ToString() == name);

        switch (example.Kind)
        {
            case "heading" or "body" or "foot" or "file" or "akn-meta" or "akn-front" or "akn-body":
                AssertParse(example);
                break;
            case "references":
                var body = Enum.Parse<Body>(example.Arguments.Single());
                var found = ReferenceFinder.Find(example.Input, body).Select(r => $"{r.Kind}: {r.Text} → {r.Target}");
                string.Join('\n', found).Should().Be(example.Expected, name);
                break;
            case "votes":
                AssertVotes(example);
                break;
            case "verbs":
                var verbs = example.Input.Split('\n').Select(line => OperativeVerbs.LeadingVerb(line) ?? "(none)");
                string.Join('\n', verbs).Should().Be(example.Expected, name);
                break;
            default:
                throw new InvalidDataException($"{name}: unknown kind '{example.Kind}'");
        }
    }

    [Fact]
    public void EveryRuleSectionHasAnExampleAndEveryExampleIsFound()
    {
        var examples = SpecExamples.All();
        var sections = SpecExamples.RuleSections();

        sections.Should().HaveCountGreaterThan(40, "the document has that many rule sections");
        SpecExamples.BaseAkn().Should().HaveCount(7);
        sections.Except(Exempt).Should().OnlyContain(s => examples.Any(e => e.Section == s), "each rule has an example");
        examples.Should().HaveCountGreaterThanOrEqualTo(sections.Count - Exempt.Length);
        Exempt.Should().BeSubsetOf(sections, "an exempt section exists");
    }

    [Fact]
    public void TheBaseTextAndTheBaseAknDocumentReadWithoutADiagnostic()
    {
        var (heading, body, foot) = SpecExamples.Base();
        var text = ResolutionSourceReader.Read(Encoding.UTF8.GetBytes(string.Join("\n\n", heading, body, foot) + "\n"), "example.txt");
        var akn = ResolutionSourceReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', SpecExamples.BaseAkn()) + "\n"), "example.xml");

        text.Diagnostics.Should().BeEmpty();
        text.Resolution!.Operative.Should().ContainSingle();
        akn.Diagnostics.Should().BeEmpty();
        akn.Resolution!.Operative.Should().ContainSingle();
    }

    private static void AssertParse(SpecExamples.Example example)
    {
        var text = Compose(example);
        var bytes = Encoding.UTF8.GetBytes(text);
        var file = FileName(text);
        var result = ResolutionSourceReader.Read(bytes, file);
        var diagnostics = result.Diagnostics.Select(d => d.ToString()).ToList();

        if (!example.Expected.StartsWith('{'))
        {
            string.Join('\n', diagnostics).Should().Be(example.Expected, example.ToString());
            return;
        }

        var expected = JsonNode.Parse(example.Expected)!.AsObject();
        var expectedDiagnostics = expected["diagnostics"]?.AsArray().Select(d => d!.GetValue<string>()).ToList() ?? [];
        expected.Remove("diagnostics");
        diagnostics.Should().Equal(expectedDiagnostics, example.ToString());
        result.Resolution.Should().NotBeNull(example.ToString());
        var actual = JsonNode.Parse(ResolutionJson.Serialize(result.Resolution!))!;
        var differences = new List<string>();
        Subset(expected, actual, "$", differences);
        differences.Should().BeEmpty($"{example} — the parser gave:\n{actual.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}");
    }

    /// <summary>
    /// §11: a file of the Library's voting data read vote by vote as <c>import</c> reads it; one line per vote
    /// (<c>SYMBOL (line N): YES-NO-ABSTAIN</c>, <c>no recorded vote</c> or <c>refused</c>), then every diagnostic.
    /// </summary>
    private static void AssertVotes(SpecExamples.Example example)
    {
        using var reader = new StringReader(example.Input + "\n");
        var votes = Parsing.Undl.UndlVotingData.Read(reader, "example.csv").ToList();
        var lines = votes.Select(v => $"{v.Symbol} (line {v.Line}): " + (v.Result.Resolution?.Vote is not { } vote ? "refused"
            : vote.Mode == VoteMode.Recorded ? $"{vote.YesCount}-{vote.NoCount}-{vote.AbstainCount}" : "no recorded vote"));
        var diagnostics = votes.SelectMany(v => v.Result.Diagnostics).Select(d => d.ToString());
        string.Join('\n', lines.Concat(diagnostics)).Should().Be(example.Expected, example.ToString());
    }

    /// <summary>The name diagnostics give: <c>example.xml</c>, <c>example.csv</c> (the Library's voting data, §11) or <c>example.txt</c>.</summary>
    private static string FileName(string text) =>
        text.StartsWith('<') ? "example.xml" : Parsing.Undl.UndlVotingData.LooksLikeVotingData(Encoding.UTF8.GetBytes(text)) ? "example.csv" : "example.txt";

    /// <summary>The file an example stands for: its input in its slot of the base text or the base AKN document.</summary>
    private static string Compose(SpecExamples.Example example)
    {
        var (heading, body, foot) = SpecExamples.Base();
        var akn = SpecExamples.BaseAkn();
        string Akn(int slot) => string.Join('\n', akn.Select((part, i) => i == slot ? example.Input : part)) + "\n";
        return example.Kind switch
        {
            "heading" => string.Join("\n\n", example.Input, body, foot) + "\n",
            "body" => string.Join("\n\n", heading, example.Input, foot) + "\n",
            "foot" => string.Join("\n\n", heading, body, example.Input) + "\n",
            "akn-meta" => Akn(1),
            "akn-front" => Akn(3),
            "akn-body" => Akn(5),
            _ => example.Input + "\n",
        };
    }

    /// <summary>Each key of an expected object must be in the actual one with a matching value; arrays match element by element and in length.</summary>
    private static void Subset(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: missing");
                        continue;
                    }

                    Subset(value, a[key], $"{path}.{key}", differences);
                }

                break;
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: {e.Count} items expected, {a.Count} found");
                }

                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    Subset(e[i], a[i], $"{path}[{i}]", differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: expected {expected?.ToJsonString() ?? "null"}, found {actual?.ToJsonString() ?? "null"}");
                }

                break;
        }
    }
}
