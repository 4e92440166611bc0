using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Data.Tests;

/// <summary>
/// <see cref="RevisionCache{T}"/> builds its value from one committed state of the archive: an import that commits in
/// the middle of a build (between two of its queries) is seen by neither query, and the value is filed under the
/// revision before that import, so the next call builds again. Under load, the voting records read votes and
/// resolutions in two queries and answered 500 when an import committed between them (docs/performance.md "Load").
/// </summary>
public sealed class RevisionCacheTests
{
    [Fact]
    public async Task AnImportCommittingDuringABuildIsSeenByNoneOfItsQueries()
    {
        await using var database = await TestDatabase.CreateAsync();
        (await database.ImportSeedAsync("003")).Status.Should().Be(ImportStatus.Imported);
        var builds = new List<(long Revision, int First, int Second)>();
        var importDuringBuild = true;
        var cache = new RevisionCache<string>(async (db, revision, token) =>
        {
            var first = await db.Resolutions.CountAsync(token);
            if (importDuringBuild)
            {
                importDuringBuild = false;
                await using var writer = database.OpenContext();
                var outcome = await new ResolutionImporter(writer).ImportAsync(Seeds.Source("000"), cancellationToken: token);
                outcome.Status.Should().Be(ImportStatus.Imported, "the writer is not blocked by the build's read transaction");
            }

            var second = await db.Resolutions.CountAsync(token);
            builds.Add((revision, first, second));
            return $"{first}/{second}";
        });
        await using var reader = database.OpenContext();
        var before = await ArchiveRevision.ReadAsync(reader);

        var (value, revision) = await cache.GetAsync(reader);

        value.Should().Be("1/1", "both queries of the build see the archive before the import");
        revision.Should().Be(before, "the value is filed under the revision its queries saw");
        var (after, newer) = await cache.GetAsync(reader);
        after.Should().Be("2/2", "the next call sees the new revision and builds again");
        newer.Should().BeGreaterThan(before);
        builds.Should().HaveCount(2);
    }
}
