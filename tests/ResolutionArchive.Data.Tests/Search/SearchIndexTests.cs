using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Search;

namespace ResolutionArchive.Data.Tests.Search;

/// <summary>
/// The index is kept by the importer in the transaction that stores a record (docs/search.md §2): one entry per
/// paragraph and footnote, checked by <see cref="SearchIndex.CheckAsync"/>; a failed import leaves it as it was; a
/// rebuild gives the same answers; an archive from before the index is indexed when it is opened.
/// </summary>
public sealed class SearchIndexTests
{
    [Fact]
    public async Task The_importer_indexes_every_paragraph_and_footnote_and_the_check_agrees()
    {
        await using var database = await SearchTestArchive.CreateAsync();
        var db = database.Context;
        var paragraphs = await db.Paragraphs.CountAsync();
        var footnotes = await db.Footnotes.CountAsync();

        var check = await SearchIndex.CheckAsync(db);

        check.Problems.Should().BeEmpty();
        check.Entries.Should().Be(paragraphs + footnotes);
        check.IndexRows.Should().Be(check.Entries);
        (await db.SearchEntries.CountAsync(e => e.Kind == Entities.SearchEntryKind.Operative && e.Verb != null))
            .Should().BeGreaterThan(await db.SearchEntries.CountAsync(e => e.Kind == Entities.SearchEntryKind.Operative) * 8 / 10, "most operative paragraphs begin with a known verb");
    }

    [Fact]
    public async Task The_check_finds_damage_and_a_rebuild_repairs_it_with_the_same_answers()
    {
        await using var database = await SearchTestArchive.CreateAsync();
        var db = database.Context;
        var before = await ArchiveSearch.MatchingEntryIdsAsync(db, SearchQuery.Parse("人权"));
        await DatabaseSnapshot.ExecuteAsync(database.Path, "DELETE FROM SearchIndex WHERE rowid IN (SELECT Id FROM SearchEntries LIMIT 3)");

        var damaged = await SearchIndex.CheckAsync(db);
        damaged.Problems.Should().ContainSingle().Which.Should().Be("3 search entries without an index row");

        var revision = await ArchiveRevision.ReadAsync(db);
        var written = await SearchIndex.RebuildAsync(db);
        (await SearchIndex.CheckAsync(db)).Problems.Should().BeEmpty();
        written.Should().Be(damaged.Entries);
        (await ArchiveRevision.ReadAsync(db)).Should().BeGreaterThan(revision, "readers' caches must be dropped");
        var after = await ArchiveSearch.MatchingEntryIdsAsync(db, SearchQuery.Parse("人权"));
        after.Should().HaveCount(before.Count, "the same paragraphs match (their entries have new ids)");
    }

    [Fact]
    public async Task A_failed_import_leaves_the_index_and_everything_else_exactly_as_it_was()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("000");
        // refuse the last footnote entry of 53/11: the record and most of its entries are written before the failure
        await DatabaseSnapshot.ExecuteAsync(database.Path, "CREATE TRIGGER refuse_entry BEFORE INSERT ON SearchEntries WHEN NEW.Anchor = 'fn4' BEGIN SELECT RAISE(ABORT, 'test refuses fn4'); END;");
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        var outcome = await database.ImportSeedAsync("002");

        outcome.Status.Should().Be(ImportStatus.Failed);
        outcome.Diagnostics.Should().Contain(d => d.Message.Contains("test refuses fn4", StringComparison.Ordinal));
        var after = await DatabaseSnapshot.TakeAsync(database.Path);
        after.Dump.Should().Be(before.Dump);
        after.FileSha256.Should().Be(before.FileSha256);
    }

    [Fact]
    public async Task A_reader_sees_a_record_and_its_index_together_or_neither()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var reader = database.OpenContext();
        var search = new ArchiveSearch();
        var query = new SearchRequest(SearchQuery.Parse("合作共赢"), new SearchFilters());

        (await search.SearchAsync(reader, query)).Total.Should().Be(0);
        await database.ImportSeedAsync("000");
        var results = await search.SearchAsync(reader, query);

        results.Total.Should().BeGreaterThan(0, "the cache is dropped when the archive's revision changes");
        results.Groups.Should().ContainSingle().Which.Resolution.Key.Should().Be("A/HRC/RES/46/13");
    }

    [Fact]
    public async Task Opening_an_archive_from_before_the_index_indexes_its_records()
    {
        await using var database = await SearchTestArchive.CreateAsync();
        long entries;
        await using (var context = database.OpenContext())
        {
            entries = await context.SearchEntries.CountAsync();
            // rows the older schemas cannot hold: non-voting members and unknown names (issue 13)
            await context.Database.ExecuteSqlRawAsync("DELETE FROM Votes WHERE Position = 'NonVoting' OR CountryIso3 IS NULL;");
            // the archive as the release before the index left it: every later migration undone, the index's too
            var migrations = context.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_" + SearchIndex.Migration, StringComparison.Ordinal)) - 1];
            await context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before);
            (await context.Database.GetPendingMigrationsAsync()).Should().Contain(m => m.EndsWith("_" + SearchIndex.Migration, StringComparison.Ordinal));
        }

        await using var upgraded = await ArchiveDatabase.OpenAsync(database.Path);
        (await upgraded.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await upgraded.SearchEntries.CountAsync()).Should().Be((int)entries);
        (await SearchIndex.CheckAsync(upgraded)).Problems.Should().BeEmpty();
    }
}
