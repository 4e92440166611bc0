using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResolutionArchive.Cli.Tests;

public sealed class ParseCommandTests
{
    [Fact]
    public async Task PrintsTheSeedAsOneCamelCaseJsonObject()
    {
        var run = await CliRun.RunAsync("parse", TempFolder.Seed("000"));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Error.Should().BeEmpty();
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.GetProperty("symbol").GetString().Should().Be("A/HRC/RES/46/13");
        root.GetProperty("body").GetString().Should().Be("HRC");
        root.GetProperty("session").GetInt32().Should().Be(46);
        root.GetProperty("number").GetString().Should().Be("46/13");
        root.GetProperty("status").GetString().Should().Be("adopted");
        root.GetProperty("title").GetString().Should().Be("在人权领域促进合作共赢");
        root.GetProperty("agendaItem").GetString().Should().Be("3");
        root.GetProperty("adoptionDate").GetString().Should().Be("2021-03-23");
        root.GetProperty("meetingNumber").GetInt32().Should().Be(49);

        var preamble = root.GetProperty("preamble").EnumerateArray().ToList();
        preamble.Should().HaveCount(17);
        preamble[0].GetProperty("id").GetString().Should().Be("pp1");
        preamble[0].GetProperty("text").GetString().Should().Be("遵循《联合国宪章》的宗旨和原则，");
        preamble[0].GetProperty("footnotes").ValueKind.Should().Be(JsonValueKind.Array);

        var operative = root.GetProperty("operative").EnumerateArray().ToList();
        operative.Should().HaveCount(8);
        operative.Select(o => o.GetProperty("id").GetString()).Should().Equal(Enumerable.Range(1, 8).Select(n => $"op{n}"));
        operative.Select(o => o.GetProperty("number").GetString()).Should().Equal(Enumerable.Range(1, 8).Select(n => $"{n}"));
        operative.Should().AllSatisfy(o =>
        {
            o.GetProperty("text").GetString().Should().NotBeNullOrWhiteSpace();
            o.GetProperty("footnotes").ValueKind.Should().Be(JsonValueKind.Array);
        });

        root.GetProperty("footnotes").ValueKind.Should().Be(JsonValueKind.Array);
        root.GetProperty("footnotes").GetArrayLength().Should().Be(0);

        var vote = root.GetProperty("vote");
        vote.GetProperty("mode").GetString().Should().Be("recorded");
        vote.GetProperty("yesCount").GetInt32().Should().Be(26);
        vote.GetProperty("noCount").GetInt32().Should().Be(15);
        vote.GetProperty("abstainCount").GetInt32().Should().Be(6);
        vote.GetProperty("yes").GetArrayLength().Should().Be(26);
        vote.GetProperty("no").GetArrayLength().Should().Be(15);
        vote.GetProperty("abstain").GetArrayLength().Should().Be(6);
        vote.GetProperty("yes")[0].GetString().Should().Be("ARG", "阿根廷 is the first state in favour");
        vote.GetProperty("yes").EnumerateArray().Should().Contain(c => c.GetString() == "CHN");

        root.GetProperty("sponsors").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task PrintsFootnotesAndSponsorsWithTheirFieldNames()
    {
        var draft = await CliRun.RunAsync("parse", TempFolder.Seed("001"));
        var withFootnotes = await CliRun.RunAsync("parse", TempFolder.Seed("002"));

        draft.ExitCode.Should().Be(0, draft.ToString());
        using var draftJson = JsonDocument.Parse(draft.Output);
        draftJson.RootElement.GetProperty("status").GetString().Should().Be("draft");
        draftJson.RootElement.GetProperty("symbol").ValueKind.Should().Be(JsonValueKind.Null);
        var sponsors = draftJson.RootElement.GetProperty("sponsors").EnumerateArray().ToList();
        sponsors.Should().HaveCount(12);
        sponsors.Should().AllSatisfy(s =>
        {
            s.GetProperty("country").GetString().Should().MatchRegex("^[A-Z]{3}$");
            s.GetProperty("councilMember").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
        });

        withFootnotes.ExitCode.Should().Be(0, withFootnotes.ToString());
        using var json = JsonDocument.Parse(withFootnotes.Output);
        var footnotes = json.RootElement.GetProperty("footnotes").EnumerateArray().ToList();
        footnotes.Select(f => f.GetProperty("marker").GetString()).Should().Equal("1", "2", "3", "4", "5");
        footnotes.Should().AllSatisfy(f => f.GetProperty("text").GetString().Should().NotBeNullOrWhiteSpace());
        json.RootElement.GetProperty("preamble").EnumerateArray()
            .SelectMany(p => p.GetProperty("footnotes").EnumerateArray()).Select(m => m.GetString())
            .Should().NotBeEmpty("53/11 cites its footnotes in the preamble");
    }

    [Theory]
    [MemberData(nameof(BadInputs.Kinds), MemberType = typeof(BadInputs))]
    public async Task ABadInputExitsWithOneAndAFileLineDiagnostic(string kind)
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.txt", BadInputs.Bytes(kind));

        var run = await CliRun.RunAsync("parse", file);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Output.Should().BeEmpty("no JSON is printed for an invalid text");
        run.ErrorLines.Should().Contain(line => Regex.IsMatch(line, $@"^{Regex.Escape(file)}:[1-9][0-9]*: \S"), run.ToString());
    }

    [Fact]
    public async Task AnUnknownCountryIsNamedInAWarningAndKeptInTheRecord()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.txt", BadInputs.Bytes("unknown country"));

        var run = await CliRun.RunAsync("parse", file);

        run.ExitCode.Should().Be(0, "a name the registry does not know never drops the record (input-formats §4.4)");
        run.ErrorLines.Should().ContainSingle(line => line.StartsWith(file + ":86: warning: ", StringComparison.Ordinal) && line.Contains("阿特兰蒂斯", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var unresolved = json.RootElement.GetProperty("vote").GetProperty("unresolved");
        unresolved.GetArrayLength().Should().Be(1);
        unresolved[0].GetProperty("name").GetString().Should().Be("阿特兰蒂斯");
        unresolved[0].GetProperty("list").GetString().Should().Be("inFavour");
    }

    [Fact]
    public async Task AMissingFileExitsWithOne()
    {
        using var folder = new TempFolder();
        var file = folder.File("missing.txt");

        var run = await CliRun.RunAsync("parse", file);

        run.ExitCode.Should().Be(1, run.ToString());
        run.ErrorLines.Should().Contain(line => line.StartsWith(file + ":1: ", StringComparison.Ordinal));
    }
}
