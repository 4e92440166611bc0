using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Data.Tests;

/// <summary>
/// One test's own database (davidfowl/TodoApi style): a fresh SQLite file in the temp folder, migrated by
/// <see cref="ArchiveDatabase.OpenAsync"/> exactly as the application does, and deleted when the test ends.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string path, ArchiveDbContext context, TimeProvider clock)
    {
        Path = path;
        Context = context;
        Importer = new ResolutionImporter(context, clock);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The context that imports (other contexts may be opened with <see cref="OpenContext"/>).</summary>
    public ArchiveDbContext Context { get; }

    /// <summary>An importer on <see cref="Context"/> whose clock advances one minute per import.</summary>
    public ResolutionImporter Importer { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "resolution-archive-tests");
        var path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.sqlite");
        return new TestDatabase(path, await ArchiveDatabase.OpenAsync(path), new SteppingClock(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>A second, independent context on the same file (no shared change tracker).</summary>
    public ArchiveDbContext OpenContext() => new(ArchiveDatabase.Options(Path));

    /// <summary>Imports a seed by file name prefix (<c>000</c>).</summary>
    public Task<ImportOutcome> ImportSeedAsync(string prefix) => Importer.ImportAsync(Seeds.Source(prefix));

    /// <summary>A stored record with all its children, read through a fresh context.</summary>
    public async Task<Entities.ResolutionEntity?> LoadAsync(string key)
    {
        await using var context = OpenContext();
        return await context.Resolutions.AsNoTracking()
            .Include(r => r.Paragraphs)
            .Include(r => r.Footnotes)
            .Include(r => r.Votes)
            .Include(r => r.Sponsors)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Key == key);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        foreach (var file in new[] { Path, Path + "-journal", Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>A clock that moves one minute forward each time it is read, so every write gets a distinct time.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now = _now.AddMinutes(1);
        return now;
    }
}
