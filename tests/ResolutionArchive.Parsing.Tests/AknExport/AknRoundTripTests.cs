using System.Text;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Parsing.Tests.Akn;

namespace ResolutionArchive.Parsing.Tests.AknExport;

/// <summary>
/// Export → import (<see cref="AknResolutionReader"/>) → export gives the same bytes, and the model survives the import
/// (its JSON is unchanged), for the seeds, the vendored AKN4UN sample and every file of the UN corpus
/// (docs/akn-export.md, "Round trip").
/// </summary>
public class AknRoundTripTests
{
    public static TheoryData<string> Seeds => new(TestInput.SeedIds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ExportImportExportIsByteIdentical(string id)
    {
        var parsed = TestInput.ParseSeed(id).Resolution!;
        var xml = AknWriter.Write(parsed);
        AknSchema.Validate(xml).Should().BeEmpty();

        var back = AknResolutionReader.Read(Encoding.UTF8.GetBytes(xml), $"{id}.xml");

        back.Diagnostics.Should().BeEmpty();
        back.Resolution.Should().NotBeNull();
        AknWriter.Write(back.Resolution!).Should().Be(xml);
        ResolutionJson.Serialize(back.Resolution!).Should().Be(ResolutionJson.Serialize(parsed), "the model of seed {0} survives export and import", id);
    }

    [Fact]
    public void EveryFeatureOfTheModelSurvives()
    {
        var model = AknWriterTests.FullModel();
        var xml = AknWriter.Write(model);

        var back = AknResolutionReader.Read(Encoding.UTF8.GetBytes(xml), "full.xml");

        back.Diagnostics.Should().BeEmpty();
        ResolutionJson.Serialize(back.Resolution!).Should().Be(ResolutionJson.Serialize(model));
        AknWriter.Write(back.Resolution!).Should().Be(xml);
    }

    [Fact]
    public void TextIsKeptExactlyAsWritten()
    {
        var model = AknWriterTests.FullModel() with
        {
            Parts = [],
            Preamble =
            [
                new Clause("pp1", ClauseKind.Preamble, null, "回顾 1993 年 12 月 20 日 第 48/134 号决议，", [], [new Emphasis(0, 2, "回顾"), new Emphasis(3, 4, "1993")], [], 1),
                new Clause("pp2", ClauseKind.Preamble, "2", "编号的序言段落：", ["9"], [], [new Point("pp2-a", "(a)", "甲；", [], [new Point("pp2-a-i", "(i)", "", ["9"], [])])], 2),
            ],
            Operative =
            [
                new Clause("op-u1", ClauseKind.Operative, null, "  两个空格 ", [], [], [], 2),
                new Clause("op1", ClauseKind.Operative, "1", "A B", [], [new Emphasis(0, 1, "A"), new Emphasis(2, 1, "B")], [new Point("op1-i", "㈠", "", [], [])], 3),
                new Clause("op1-2", ClauseKind.Operative, "1", "重复的编号。", [], [], [], 4),
            ],
            Footnotes = [],
            Annexes = [],
        };
        var xml = AknWriter.Write(model);

        var back = AknResolutionReader.Read(Encoding.UTF8.GetBytes(xml), "text.xml");

        back.Diagnostics.Should().BeEmpty();
        ResolutionJson.Serialize(back.Resolution!).Should().Be(ResolutionJson.Serialize(model));
        AknWriter.Write(back.Resolution!).Should().Be(xml);
    }

    [Fact]
    public void AMarkOfAnotherFormatIsAnError()
    {
        var xml = AknWriter.Write(TestInput.ParseSeed("000").Resolution!)
            .ReplaceOnce($"format=\"{AknWriter.ExportFormat}\"", "format=\"99\"");

        var result = AknResolutionReader.Read(Encoding.UTF8.GetBytes(xml), "x.xml");

        result.Resolution.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("found '99'");
    }

    [Fact]
    public void EverySampleFileRoundTrips()
    {
        var files = Directory.GetFiles(AknCorpus.SampleDirectory, "*.xml");
        files.Should().NotBeEmpty();

        var failures = RoundTrip(files, AknCorpus.SampleDirectory);

        failures.Should().BeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public void EveryCorpusFileRoundTrips()
    {
        var corpus = AknCorpus.CorporaOrSkip("unxml-ga")[0];

        var files = Directory.GetFiles(corpus!, "*.xml", SearchOption.AllDirectories);
        files.Should().HaveCount(630);

        var failures = RoundTrip(files, corpus!);

        failures.Should().BeEmpty(string.Join("\n", failures.Take(20)));
    }

    /// <summary>
    /// For each file: m1 = read the UN file, x1 = write m1, m2 = read x1, x2 = write m2. Returns one line per file where
    /// reading fails, x1 ≠ x2, JSON(m1) ≠ JSON(m2) or x1 does not validate against the schema.
    /// </summary>
    private static List<string> RoundTrip(IEnumerable<string> files, string root)
    {
        var failures = new List<string>();
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path);
            var m1 = AknResolutionReader.Read(File.ReadAllBytes(path), name).Resolution;
            if (m1 is null)
            {
                failures.Add($"{name}: the UN file does not read");
                continue;
            }

            var x1 = AknWriter.Write(m1);
            if (AknSchema.Validate(x1) is { Count: > 0 } errors)
            {
                failures.Add($"{name}: the export does not validate: {errors[0]}");
            }

            var back = AknResolutionReader.Read(Encoding.UTF8.GetBytes(x1), name);
            if (back.Resolution is not { } m2 || back.Diagnostics.Count > 0)
            {
                failures.Add($"{name}: the export does not read back: {string.Join("; ", back.Diagnostics)}");
                continue;
            }

            if (AknWriter.Write(m2) != x1)
            {
                failures.Add($"{name}: export → import → export differs");
            }

            if (FirstDifference(ResolutionJson.Serialize(m1), ResolutionJson.Serialize(m2)) is { } difference)
            {
                failures.Add($"{name}: the model changes: {difference}");
            }
        }

        return failures;
    }

    private static string? FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end>";
            var y = i < b.Length ? b[i] : "<end>";
            if (x != y)
            {
                return $"JSON line {i + 1}: '{x.Trim()}' became '{y.Trim()}'";
            }
        }

        return null;
    }
}
