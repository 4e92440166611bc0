using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Tests.Import;

/// <summary>Seed 003 and the UN's AKN file 76/A_RES_76_159-*.xml are the same resolution: one record, enriched.</summary>
public sealed class TwoFormatsTests
{
    private static ImportSource Akn76159() =>
        ImportSource.FromFile(Path.Combine(AppContext.BaseDirectory, "Akn", "Sample", "A_RES_76_159-2119201C.xml"));

    [Fact]
    public async Task TheAknFileEnrichesTheRecordReadFromTheSeedTextAndDuplicatesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        (await database.ImportSeedAsync("003")).Status.Should().Be(ImportStatus.Imported);

        var outcome = await database.Importer.ImportAsync(Akn76159());

        outcome.Status.Should().Be(ImportStatus.Enriched, string.Join('\n', outcome.Diagnostics));
        outcome.Key.Should().Be("A/RES/76/159");
        await using var context = database.OpenContext();
        (await context.Resolutions.CountAsync()).Should().Be(1);
        (await context.Sources.Select(s => s.Format).OrderBy(f => f).ToListAsync()).Should().Equal("akn", "text");
        var stored = (await database.LoadAsync("A/RES/76/159"))!;
        var model = ResolutionMapper.ToModel(stored);
        model.Vote.Mode.Should().Be(VoteMode.WithoutVote, "the seed does not say; the XML says adoptedWithoutVote");
        model.Sponsors.Where(s => !s.Additional).Select(s => s.Country).Should().Equal("CUB", "RUS");
        model.Sponsors.Where(s => s.Additional).Select(s => s.Country).Should().Equal("CHN", "SLV", "URY");
        model.Preamble.Should().HaveCount(15);
        model.Operative.Should().HaveCount(17);
        model.Footnotes.Should().HaveCount(6);
        model.Preamble[6].Text.Should().Contain("超越", "the text comes from the first source, the seed (the XML prints 逾越)");
        var sources = await context.FieldSources.Where(f => f.ResolutionId == stored.Id).ToDictionaryAsync(f => f.Field, f => f.SourceFile);
        sources["vote"].Should().EndWith(".xml");
        sources["sponsors"].Should().EndWith(".xml");
        sources["text"].Should().EndWith("003_19d962d32e3453a4.txt");
        sources["committeeReport"].Should().EndWith("003_19d962d32e3453a4.txt");
    }

    [Fact]
    public async Task ImportingBothFormatsAgainChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("003");
        await database.Importer.ImportAsync(Akn76159());
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        (await database.ImportSeedAsync("003")).Status.Should().Be(ImportStatus.Unchanged);
        (await database.Importer.ImportAsync(Akn76159())).Status.Should().Be(ImportStatus.Unchanged);

        (await DatabaseSnapshot.TakeAsync(database.Path)).Dump.Should().Be(before.Dump);
    }

    [Fact]
    public async Task TheXmlFirstThenTheSeedKeepsTheXmlTextAndStillOneRecord()
    {
        await using var database = await TestDatabase.CreateAsync();
        (await database.Importer.ImportAsync(Akn76159())).Status.Should().Be(ImportStatus.Imported);
        (await database.ImportSeedAsync("003")).Status.Should().Be(ImportStatus.Enriched);

        var model = ResolutionMapper.ToModel((await database.LoadAsync("A/RES/76/159"))!);

        model.Preamble[6].Text.Should().Contain("逾越", "the first source's text is kept");
        model.Vote.Mode.Should().Be(VoteMode.WithoutVote);
        await using var context = database.OpenContext();
        (await context.Resolutions.CountAsync()).Should().Be(1);
    }
}
