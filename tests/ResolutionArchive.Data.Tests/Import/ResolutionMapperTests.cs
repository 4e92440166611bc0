using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Tests.Import;

public sealed class ResolutionMapperTests
{
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public async Task TheStoredRecordMapsBackToTheParsedModel(string prefix)
    {
        await using var database = await TestDatabase.CreateAsync();
        var source = Seeds.Source(prefix);
        var parsed = ResolutionTextParser.Parse(source.Bytes, source.Name).Resolution!;

        var outcome = await database.Importer.ImportAsync(source);
        var stored = await database.LoadAsync(outcome.Key!);

        // The JSON form holds every field of the model except source line numbers, which the tables do not keep.
        ResolutionJson.Serialize(ResolutionMapper.ToModel(stored!)).Should().Be(ResolutionJson.Serialize(parsed));
        ResolutionMapper.ToModel(stored!).Should().BeEquivalentTo(parsed, o => o.WithStrictOrdering().Excluding(m => m.Path.EndsWith("Line", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SubParagraphsEmphasisMeetingCommitteeReportAndDraftSymbolSurviveTheRoundTrip()
    {
        // No seed has sub-paragraphs, a resumed plenary meeting or a vote taken without a vote: a model that has them.
        var model = new ParsedResolution
        {
            Body = Body.GA,
            Session = 76,
            Number = "76/999",
            Symbol = "A/RES/76/999",
            Status = ResolutionStatus.Adopted,
            Title = "测试决议",
            AgendaItem = "74 (b)",
            AgendaTitle = "人权问题",
            AdoptionDate = new DateOnly(2021, 12, 16),
            Meeting = new Meeting(53, Plenary: true, Resumed: true),
            CommitteeReport = new CommitteeReport("第三委员会", "A/76/462/Add.2", 114),
            DraftSymbol = "A/C.3/76/L.37",
            Preamble = [new Clause("pp1", ClauseKind.Preamble, null, "重申原则，", ["1"], [new Emphasis(0, 2, "重申")], [], 10)],
            Operative =
            [
                new Clause("op1", ClauseKind.Operative, "1", "请：", [], [], [
                    new Point("op1-a", "(a)", "甲项；", ["2"], [
                        new Point("op1-a-i", "(i)", "子项一；", [], []),
                        new Point("op1-a-ii", "(ii)", "子项二；", [], []),
                    ]),
                    new Point("op1-b", "(b)", "乙项；", [], []),
                ], 12),
                new Clause("op2", ClauseKind.Operative, "2", "决定继续处理此事。", [], [], [], 20),
            ],
            Footnotes = [new Footnote("fn1", "1", "脚注一。", "pp1", 30), new Footnote("fn2", "2", "脚注二。", "op1-a", 31)],
            Vote = Vote.WithoutVote,
            Sponsors = [new Sponsor("CHN", true), new Sponsor("PAK", false)],
        };
        await using var database = await TestDatabase.CreateAsync();

        database.Context.Resolutions.Add(ResolutionMapper.ToEntity(model, "test.txt", new string('0', 64), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        await database.Context.SaveChangesAsync();
        var stored = await database.LoadAsync("A/RES/76/999");

        stored!.Paragraphs.Should().HaveCount(7);
        stored.DraftSymbol.Should().Be("A/C.3/76/L.37");
        ResolutionJson.Serialize(ResolutionMapper.ToModel(stored)).Should().Be(ResolutionJson.Serialize(model));
    }

    [Fact]
    public void TheKeyOfADraftIsStableAndDependsOnItsTitle()
    {
        var source = Seeds.Source("001");
        var draft = ResolutionTextParser.Parse(source.Bytes, source.Name).Resolution!;

        var key = ResolutionMapper.KeyOf(draft);

        key.Should().MatchRegex("^HRC/43/draft/[0-9a-f]{8}$");
        ResolutionMapper.KeyOf(draft with { }).Should().Be(key);
        ResolutionMapper.KeyOf(draft with { Title = draft.Title + "（修订）" }).Should().NotBe(key);
    }
}
