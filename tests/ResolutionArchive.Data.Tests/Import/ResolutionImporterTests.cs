using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Data.Tests.Import;

public sealed class ResolutionImporterTests
{
    /// <summary>What each seed holds, counted by hand from the texts.</summary>
    public sealed record SeedCounts(string Prefix, string? Symbol, int Preamble, int Operative, int Footnotes, int Yes, int No, int Abstain, int Sponsors, int NonVoting = 0);

    private static readonly SeedCounts[] Expected =
    [
        new("000", "A/HRC/RES/46/13", Preamble: 17, Operative: 8, Footnotes: 0, Yes: 26, No: 15, Abstain: 6, Sponsors: 0),
        new("001", null, Preamble: 21, Operative: 10, Footnotes: 2, Yes: 0, No: 0, Abstain: 0, Sponsors: 12),
        new("002", "A/HRC/RES/53/11", Preamble: 33, Operative: 37, Footnotes: 5, Yes: 33, No: 13, Abstain: 1, Sponsors: 0),
        new("003", "A/RES/76/159", Preamble: 15, Operative: 17, Footnotes: 6, Yes: 0, No: 0, Abstain: 0, Sponsors: 0),
        new("004", "A/HRC/RES/37/23", Preamble: 15, Operative: 5, Footnotes: 0, Yes: 28, No: 1, Abstain: 17, Sponsors: 0, NonVoting: 1),
    ];

    private const string Pp1 = "遵循《联合国宪章》的宗旨和原则，";
    private const string Pp1Edited = "遵循《联合国宪章》的各项宗旨和原则，";

    [Fact]
    public async Task ImportingTheFiveSeedsStoresFiveRecordsWithAllTheirRows()
    {
        await using var database = await TestDatabase.CreateAsync();

        foreach (var seed in Expected)
        {
            var outcome = await database.ImportSeedAsync(seed.Prefix);
            outcome.Status.Should().Be(ImportStatus.Imported, string.Join("\n", outcome.Diagnostics));
            if (seed.Symbol is null)
            {
                outcome.Key.Should().MatchRegex("^HRC/43/draft/[0-9a-f]{8}$");
            }
            else
            {
                outcome.Key.Should().Be(seed.Symbol);
            }
        }

        await using var context = database.OpenContext();
        var records = await context.Resolutions.AsNoTracking()
            .Include(r => r.Paragraphs).Include(r => r.Footnotes).Include(r => r.Votes).Include(r => r.Sponsors)
            .AsSplitQuery().ToListAsync();
        records.Should().HaveCount(5);
        foreach (var seed in Expected)
        {
            var record = records.Should().ContainSingle(r => r.SourceFile == Seeds.PathOf(seed.Prefix)).Subject;
            record.Symbol.Should().Be(seed.Symbol);
            record.Paragraphs.Count(p => p.Kind == ParagraphKind.Preamble).Should().Be(seed.Preamble, $"seed {seed.Prefix} preamble");
            record.Paragraphs.Count(p => p.Kind == ParagraphKind.Operative).Should().Be(seed.Operative, $"seed {seed.Prefix} operative");
            record.Footnotes.Should().HaveCount(seed.Footnotes, $"seed {seed.Prefix} footnotes");
            record.Votes.Count(v => v.Position == VotePosition.InFavour).Should().Be(seed.Yes, $"seed {seed.Prefix} in favour");
            record.Votes.Count(v => v.Position == VotePosition.Against).Should().Be(seed.No, $"seed {seed.Prefix} against");
            record.Votes.Count(v => v.Position == VotePosition.Abstaining).Should().Be(seed.Abstain, $"seed {seed.Prefix} abstaining");
            record.Votes.Count(v => v.Position == VotePosition.NonVoting).Should().Be(seed.NonVoting, $"seed {seed.Prefix} non-voting (input-formats §4.5)");
            record.Sponsors.Should().HaveCount(seed.Sponsors, $"seed {seed.Prefix} sponsors");
            if (seed.Yes + seed.No + seed.Abstain > 0)
            {
                (record.YesCount, record.NoCount, record.AbstainCount).Should().Be((seed.Yes, seed.No, seed.Abstain));
                record.VoteMode.Should().Be(Parsing.Syntax.VoteMode.Recorded);
            }

            record.SourceSha256.Should().MatchRegex("^[0-9a-f]{64}$");
        }

        // No row may belong to no resolution, and the tables hold exactly the seeds' rows.
        (await DatabaseSnapshot.CountAsync(database.Path, "Paragraphs")).Should().Be(Expected.Sum(s => s.Preamble + s.Operative));
        (await DatabaseSnapshot.CountAsync(database.Path, "Footnotes")).Should().Be(Expected.Sum(s => s.Footnotes));
        (await DatabaseSnapshot.CountAsync(database.Path, "Votes")).Should().Be(Expected.Sum(s => s.Yes + s.No + s.Abstain + s.NonVoting));
        (await DatabaseSnapshot.CountAsync(database.Path, "Sponsors")).Should().Be(12);
    }

    [Fact]
    public async Task TheDraftKeepsItsTwelveSponsorsInPrintedOrder()
    {
        await using var database = await TestDatabase.CreateAsync();

        var outcome = await database.ImportSeedAsync("001");

        var record = await database.LoadAsync(outcome.Key!);
        record!.Status.Should().Be(Parsing.Syntax.ResolutionStatus.Draft);
        record.Symbol.Should().BeNull();
        record.Sponsors.Should().HaveCount(12);
        record.Sponsors.Select(s => s.Ordinal).Should().BeEquivalentTo(Enumerable.Range(0, 12));
        record.Sponsors.Select(s => s.CountryIso3).Should().OnlyHaveUniqueItems().And.AllSatisfy(c => c.Should().MatchRegex("^[A-Z]{3}$"));
    }

    [Fact]
    public async Task ReimportingTheSameFileIsUnchangedAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            await database.ImportSeedAsync(prefix);
        }

        var importedAt = (await database.LoadAsync("A/HRC/RES/46/13"))!.ImportedAtUtc;
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        foreach (var prefix in Seeds.Prefixes)
        {
            var outcome = await database.ImportSeedAsync(prefix);
            outcome.Status.Should().Be(ImportStatus.Unchanged, $"seed {prefix} was imported with the same bytes");
        }

        var after = await DatabaseSnapshot.TakeAsync(database.Path);
        after.Dump.Should().Be(before.Dump);
        after.FileSha256.Should().Be(before.FileSha256, "an unchanged import must not even touch the file");
        (await database.LoadAsync("A/HRC/RES/46/13"))!.ImportedAtUtc.Should().Be(importedAt);
    }

    [Fact]
    public async Task AChangedFileWithTheSameSymbolReplacesTheRecordWhole()
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            await database.ImportSeedAsync(prefix);
        }

        var original = (await database.LoadAsync("A/HRC/RES/46/13"))!;
        var others = await LoadOthersAsync(database, original.Key);

        var outcome = await database.Importer.ImportAsync(Seeds.Edited("000", Pp1, Pp1Edited));

        outcome.Status.Should().Be(ImportStatus.Replaced, string.Join("\n", outcome.Diagnostics));
        outcome.Key.Should().Be("A/HRC/RES/46/13");
        await using (var context = database.OpenContext())
        {
            (await context.Resolutions.CountAsync(r => r.Key == "A/HRC/RES/46/13")).Should().Be(1);
            (await context.Resolutions.CountAsync()).Should().Be(5);
        }

        var replaced = (await database.LoadAsync("A/HRC/RES/46/13"))!;
        replaced.SourceFile.Should().Be("edited-000.txt");
        replaced.SourceSha256.Should().NotBe(original.SourceSha256);
        replaced.ImportedAtUtc.Should().BeAfter(original.ImportedAtUtc);
        replaced.Paragraphs.Single(p => p.Anchor == "pp1").Text.Should().Be(Pp1Edited);
        replaced.Paragraphs.Should().HaveCount(original.Paragraphs.Count);
        replaced.Votes.Should().HaveCount(47);

        // The old rows are gone (not orphaned) and the other four records are untouched.
        (await DatabaseSnapshot.CountAsync(database.Path, "Paragraphs", $"ResolutionId = {original.Id}")).Should().Be(0);
        (await DatabaseSnapshot.CountAsync(database.Path, "Votes", $"ResolutionId = {original.Id}")).Should().Be(0);
        (await DatabaseSnapshot.CountAsync(database.Path, "Paragraphs")).Should().Be(Expected.Sum(s => s.Preamble + s.Operative));
        (await DatabaseSnapshot.CountAsync(database.Path, "Votes")).Should().Be(Expected.Sum(s => s.Yes + s.No + s.Abstain + s.NonVoting));
        (await LoadOthersAsync(database, original.Key)).Should().BeEquivalentTo(others);
        others.Should().HaveCount(4);
    }

    public static TheoryData<string, byte[]> BadFiles()
    {
        var seed = File.ReadAllBytes(Seeds.PathOf("000"));
        var text = Encoding.UTF8.GetString(seed);
        var lines = text.Split('\n');
        return new TheoryData<string, byte[]>
        {
            { "truncated", Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(40))) },
            { "binary", [.. seed.Take(200), 0, 0, 0, .. seed.Skip(200)] },
            { "not a resolution", Encoding.UTF8.GetBytes("Minutes of a meeting.\nNothing here is a resolution.\n") },
            { "an unplaced heading line", Encoding.UTF8.GetBytes(text.Replace("第四十六届会议", "第四十六届会议\n\n这一行不属于任何标题字段", StringComparison.Ordinal)) },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task AFailingFileIsReportedWithItsLineAndLeavesTheDatabaseExactlyAsItWas(string why, byte[] bytes)
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            await database.ImportSeedAsync(prefix);
        }

        bytes.Should().NotEqual(File.ReadAllBytes(Seeds.PathOf("000")), why);
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        var outcome = await database.Importer.ImportAsync(new ImportSource("bad.txt", bytes));

        outcome.Status.Should().Be(ImportStatus.Failed, why);
        outcome.Diagnostics.Should().Contain(d => d.Severity == Parsing.Diagnostics.DiagnosticSeverity.Error, why);
        outcome.Diagnostics.Select(d => d.ToString()).Should().Contain(d => Regex.IsMatch(d, @"^bad\.txt:[1-9][0-9]*: \S"), why);
        var after = await DatabaseSnapshot.TakeAsync(database.Path);
        after.Dump.Should().Be(before.Dump, why);
        after.FileSha256.Should().Be(before.FileSha256, why);
        (await database.LoadAsync("A/HRC/RES/46/13"))!.SourceFile.Should().Be(Seeds.PathOf("000"), "the stored version stays");
    }

    [Fact]
    public async Task AnUnknownCountryIsKeptVerbatimAndFlaggedWithItsLine()
    {
        await using var database = await TestDatabase.CreateAsync();

        var outcome = await database.Importer.ImportAsync(Seeds.Edited("000", "阿根廷、", "阿特兰蒂斯、"));

        outcome.Status.Should().Be(ImportStatus.Imported, "a name the registry does not know never drops a resolution");
        outcome.Key.Should().Be("A/HRC/RES/46/13");
        var warning = outcome.Diagnostics.Select(d => d.ToString()).Should().ContainSingle(d => d.Contains("阿特兰蒂斯", StringComparison.Ordinal)).Subject;
        warning.Should().MatchRegex(@"^edited-000\.txt:[1-9][0-9]*: warning: .*阿特兰蒂斯");
        await using var db = database.OpenContext();
        var votes = await db.Votes.Where(v => v.CountryIso3 == null).ToListAsync();
        votes.Should().ContainSingle().Which.Name.Should().Be("阿特兰蒂斯");
        votes[0].Position.Should().Be(VotePosition.InFavour);
        (await db.Resolutions.SingleAsync()).YesCount.Should().Be(26);
        var flags = await Data.Queries.DataQuality.ListAsync(db);
        flags.Should().Contain(f => f.ResolutionKey == "A/HRC/RES/46/13" && f.FileName == "edited-000.txt" && f.Message.Contains("阿特兰蒂斯", StringComparison.Ordinal) && f.ToString() == warning);
    }

    [Fact]
    public async Task ACountThatDisagreesWithItsListKeepsBothAndIsFlagged()
    {
        await using var database = await TestDatabase.CreateAsync();

        var outcome = await database.Importer.ImportAsync(Seeds.Edited("000", "以 26 票赞成", "以 27 票赞成"));

        outcome.Status.Should().Be(ImportStatus.Imported);
        await using var db = database.OpenContext();
        var record = await db.Resolutions.SingleAsync();
        record.YesCount.Should().Be(27);
        (await db.Votes.CountAsync(v => v.Position == VotePosition.InFavour)).Should().Be(26);
        (await db.DataQualityFlags.Select(f => f.Message).ToListAsync()).Should().Contain(m => m.StartsWith("expected 27 states in favour as the statement says, found 26", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReimportingAChangedSourceReplacesItsFlagsAndDeletingTheRecordRemovesThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.Importer.ImportAsync(Seeds.Edited("000", "阿根廷、", "阿特兰蒂斯、"));

        await database.ImportSeedAsync("000");

        await using (var db = database.OpenContext())
        {
            (await db.DataQualityFlags.Select(f => f.Message).ToListAsync()).Should().NotContain(m => m.Contains("阿特兰蒂斯", StringComparison.Ordinal));
        }

        await database.Importer.ImportAsync(Seeds.Edited("000", "阿根廷、", "阿特兰蒂斯、"));
        (await RecordDeletion.DeleteAsync(database.Context, "A/HRC/RES/46/13")).Should().BeTrue();
        (await DatabaseSnapshot.CountAsync(database.Path, "DataQualityFlags")).Should().Be(0);
    }

    [Fact]
    public async Task ADatabaseFailureInTheMiddleOfANewRecordRollsBackEveryRow()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("000");
        await RefuseVotesOfAsync(database.Path, "MEX");
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        // 53/11: Mexico is the last row of the vote (the only abstention), so everything before it was inserted.
        var outcome = await database.ImportSeedAsync("002");

        outcome.Status.Should().Be(ImportStatus.Failed);
        outcome.Key.Should().Be("A/HRC/RES/53/11");
        outcome.Diagnostics.Select(d => d.ToString()).Should().Contain(d => d.StartsWith(Seeds.PathOf("002") + ":1: ", StringComparison.Ordinal) && d.Contains("test refuses MEX", StringComparison.Ordinal));
        (await database.LoadAsync("A/HRC/RES/53/11")).Should().BeNull();
        var after = await DatabaseSnapshot.TakeAsync(database.Path);
        after.Dump.Should().Be(before.Dump);
        after.FileSha256.Should().Be(before.FileSha256);
    }

    [Fact]
    public async Task ADatabaseFailureWhileReplacingKeepsThePreviousVersion()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("000");
        var original = (await database.LoadAsync("A/HRC/RES/46/13"))!;
        await RefuseVotesOfAsync(database.Path, "MEX");
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        var outcome = await database.Importer.ImportAsync(Seeds.Edited("000", Pp1, Pp1Edited));

        outcome.Status.Should().Be(ImportStatus.Failed);
        var kept = (await database.LoadAsync("A/HRC/RES/46/13"))!;
        kept.Should().BeEquivalentTo(original, "the delete of the old version is rolled back with the failed insert");
        kept.Paragraphs.Single(p => p.Anchor == "pp1").Text.Should().Be(Pp1);
        var after = await DatabaseSnapshot.TakeAsync(database.Path);
        after.Dump.Should().Be(before.Dump);
        after.FileSha256.Should().Be(before.FileSha256);
    }

    [Fact]
    public async Task TheImporterWorksAgainAfterADatabaseFailure()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("000");
        await RefuseVotesOfAsync(database.Path, "MEX");
        (await database.Importer.ImportAsync(Seeds.Edited("000", Pp1, Pp1Edited))).Status.Should().Be(ImportStatus.Failed);

        await DatabaseSnapshot.ExecuteAsync(database.Path, "DROP TRIGGER refuse_vote");
        var outcome = await database.Importer.ImportAsync(Seeds.Edited("000", Pp1, Pp1Edited));

        outcome.Status.Should().Be(ImportStatus.Replaced);
        (await database.LoadAsync("A/HRC/RES/46/13"))!.Paragraphs.Single(p => p.Anchor == "pp1").Text.Should().Be(Pp1Edited);
    }

    [Fact]
    public async Task ADryRunValidatesAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        var valid = await database.Importer.ImportAsync(Seeds.Source("002"), dryRun: true);
        var invalid = await database.Importer.ImportAsync(new ImportSource("bad.txt", Encoding.UTF8.GetBytes("Minutes of a meeting.\n")), dryRun: true);

        valid.Status.Should().Be(ImportStatus.Valid);
        valid.Key.Should().Be("A/HRC/RES/53/11");
        invalid.Status.Should().Be(ImportStatus.Failed);
        var after = await DatabaseSnapshot.TakeAsync(database.Path);
        after.Dump.Should().Be(before.Dump);
        after.FileSha256.Should().Be(before.FileSha256);
    }

    private static Task RefuseVotesOfAsync(string path, string country) => DatabaseSnapshot.ExecuteAsync(
        path,
        $"CREATE TRIGGER refuse_vote BEFORE INSERT ON Votes WHEN NEW.CountryIso3 = '{country}' BEGIN SELECT RAISE(ABORT, 'test refuses {country}'); END;");

    /// <summary>Every record but the one with <paramref name="key"/>, with all its rows.</summary>
    private static async Task<List<ResolutionEntity>> LoadOthersAsync(TestDatabase database, string key)
    {
        await using var context = database.OpenContext();
        return await context.Resolutions.AsNoTracking()
            .Include(r => r.Paragraphs).Include(r => r.Footnotes).Include(r => r.Votes).Include(r => r.Sponsors)
            .AsSplitQuery().Where(r => r.Key != key).OrderBy(r => r.Id).ToListAsync();
    }
}
