using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Lineage;

namespace ResolutionArchive.Data.Tests.Import;

/// <summary>
/// The one import workflow (<see cref="ImportRun"/>, issue 15 item 3): the files, the lineage of what changed and the
/// revision in one transaction, as the CLI and the site's seeding run it.
/// </summary>
public sealed class ImportRunTests
{
    [Fact]
    public async Task A_run_of_the_seeds_stores_them_links_them_as_a_rebuild_does_and_bumps_the_revision_once_committed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var db = database.Context;
        var before = await ArchiveRevision.ReadAsync(db);

        ImportRunLineage? lineage;
        await using (var run = await ImportRun.BeginAsync(db))
        {
            foreach (var prefix in Seeds.Prefixes)
            {
                (await run.AddAsync(Seeds.Source(prefix))).Status.Should().Be(ImportStatus.Imported);
            }

            run.Changed.Should().HaveCount(5);
            lineage = await run.CompleteAsync();
        }

        lineage!.Rebuilt.Should().BeFalse("five records are linked one by one");
        lineage.Records.Should().Be(5);
        await using var reader = database.OpenContext();
        (await reader.Resolutions.CountAsync()).Should().Be(5);
        (await ArchiveRevision.ReadAsync(reader)).Should().BeGreaterThan(before);
        var linked = await reader.ParagraphLinks.AsNoTracking().Select(l => new { l.ParagraphId, l.CounterpartId, l.Score }).OrderBy(l => l.ParagraphId).ThenBy(l => l.CounterpartId).ToListAsync();
        await LineageStore.RebuildAsync(reader);
        var rebuilt = await reader.ParagraphLinks.AsNoTracking().Select(l => new { l.ParagraphId, l.CounterpartId, l.Score }).OrderBy(l => l.ParagraphId).ThenBy(l => l.CounterpartId).ToListAsync();
        linked.Should().NotBeEmpty().And.Equal(rebuilt);
    }

    [Fact]
    public async Task A_run_disposed_before_it_completes_leaves_the_archive_exactly_as_it_was()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("000");
        await database.Context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        await using (var run = await ImportRun.BeginAsync(database.Context))
        {
            (await run.AddAsync(Seeds.Source("002"))).Status.Should().Be(ImportStatus.Imported);
        }

        (await DatabaseSnapshot.TakeAsync(database.Path)).Dump.Should().Be(before.Dump);
    }

    [Fact]
    public async Task A_run_that_changes_nothing_commits_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("000");
        var before = await DatabaseSnapshot.TakeAsync(database.Path);

        await using var run = await ImportRun.BeginAsync(database.Context);
        (await run.AddAsync(Seeds.Source("000"))).Status.Should().Be(ImportStatus.Unchanged);

        (await run.CompleteAsync()).Should().BeNull();
        (await DatabaseSnapshot.TakeAsync(database.Path)).Dump.Should().Be(before.Dump);
    }
}
