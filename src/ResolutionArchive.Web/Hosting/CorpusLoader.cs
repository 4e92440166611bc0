using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// How far the background load of the UN corpus has gone, for the home page's notice (<c>正在载入联合国语料：412/977</c>).
/// One instance for the site; read from any request while the loader writes it. Public because the home page model
/// takes it in its constructor.
/// </summary>
public sealed class CorpusProgress
{
    private int _loaded;
    private int _total;
    private volatile bool _loading;

    /// <summary>True while a load runs (from its first file until its commit or its end).</summary>
    public bool IsLoading => _loading;

    /// <summary>Files read so far by the running load.</summary>
    public int Loaded => Volatile.Read(ref _loaded);

    /// <summary>Files the running load will read.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Marks a load of <paramref name="total"/> files as started.</summary>
    public void Start(int total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _loaded, 0);
        _loading = true;
    }

    /// <summary>Raised after each file read, with the count so far (the tests stop a load part-way with it).</summary>
    public event Action<int>? Advanced;

    /// <summary>Counts one file read.</summary>
    public void Advance()
    {
        // counted first: a null-conditional call would skip evaluating its argument when no one listens
        var loaded = Interlocked.Increment(ref _loaded);
        Advanced?.Invoke(loaded);
    }

    /// <summary>Marks the load as ended, committed or not.</summary>
    public void End() => _loading = false;
}

/// <summary>
/// Loads the UN's AKN4UN corpus of General Assembly sessions 75–77, shipped with the site
/// (<c>seeds/un-ga-75-77-akn4un-zh.zip</c>, seeds/README.md), into an archive that does not hold it yet, in the
/// background after the start: the site serves the five seeds at once and the corpus appears when the load commits
/// (docs/operations.md §8, "The first start"). The load is one <see cref="ImportRun"/> — every file under its savepoint,
/// the lineage, the revision — so readers see all of it or none; a load stopped part-way (the site stopped, the
/// machine restarted) commits nothing, and the next start loads it again from its first file. Whether the archive holds
/// the corpus is read from the archive itself: any stored source whose file name starts with <see cref="Prefix"/>.
/// Not run with <see cref="ArchiveOptions.SeedsOnly"/>, nor in read-only mode.
/// </summary>
internal sealed class CorpusLoader(IServiceProvider services, IOptions<ArchiveOptions> options, CorpusProgress progress, ILogger<CorpusLoader> logger)
    : BackgroundService
{
    /// <summary>The logical name of the shipped corpus in the assembly.</summary>
    public const string ResourceName = "corpus/un-ga-75-77-akn4un-zh.zip";

    /// <summary>What the corpus's sources are named after, in front of their path in the zip (<c>un-corpus/unxml-ga/75/…</c>).</summary>
    public const string Prefix = "un-corpus/";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var archive = options.Value;
        if (archive.SeedsOnly || archive.ReadOnly)
        {
            return;
        }

        // the host's start waits for nothing: the load begins once the site is up
        await Task.Yield();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            using var zip = Open(archive.CorpusPath);
            var outcome = await LoadAsync(db, zip, progress, stoppingToken);
            if (outcome is { } loaded)
            {
                logger.LogInformation("UN corpus: {Stored} of {Files} files stored, {Refused} refused, in {Seconds:0.0} s", loaded.Stored, loaded.Files, loaded.Refused.Count, loaded.Elapsed.TotalSeconds);
                foreach (var refused in loaded.Refused)
                {
                    logger.LogWarning("UN corpus: {Refused}", refused);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("UN corpus: the load was stopped before it committed; the next start loads it again");
        }
        catch (Exception exception)
        {
            // the site keeps serving what it holds: a failed load loses nothing and is tried again at the next start
            logger.LogError("UN corpus: the load failed and stored nothing: {Reason}", exception.Message);
        }
    }

    /// <summary>What a load did.</summary>
    /// <param name="Files">AKN files in the zip.</param>
    /// <param name="Stored">Files stored (imported, enriching or unchanged).</param>
    /// <param name="Refused">Files refused, each as <c>NAME: diagnostics</c> (the UN's Arabic 77/336, by design).</param>
    /// <param name="Elapsed">The load's time, commit included.</param>
    public sealed record Outcome(int Files, int Stored, IReadOnlyList<string> Refused, TimeSpan Elapsed);

    /// <summary>
    /// Loads the <c>*.xml</c> entries of <paramref name="zip"/> (in ordinal order of their names) into the archive behind
    /// <paramref name="db"/> in one import run, unless it already holds them; null when it does.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; nothing was stored.</exception>
    public static async Task<Outcome?> LoadAsync(ArchiveDbContext db, ZipArchive zip, CorpusProgress progress, CancellationToken cancellationToken)
    {
        if (await HoldsCorpusAsync(db, cancellationToken))
        {
            return null;
        }

        var entries = zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var refused = new List<string>();
        progress.Start(entries.Count);
        try
        {
            await using var run = await ImportRun.BeginAsync(db, cancellationToken: cancellationToken);
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = await run.AddAsync(new ImportSource(Prefix + entry.FullName, Read(entry)), cancellationToken);
                if (outcome.Status is ImportStatus.Failed)
                {
                    refused.Add($"{entry.FullName}: {string.Join(" | ", outcome.Diagnostics)}");
                }

                progress.Advance();
            }

            await run.CompleteAsync(cancellationToken);
        }
        finally
        {
            progress.End();
        }

        return new Outcome(entries.Count, entries.Count - refused.Count, refused, watch.Elapsed);
    }

    /// <summary>True when the archive holds a source of the corpus (a load commits all of them or none).</summary>
    public static Task<bool> HoldsCorpusAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        db.Sources.AnyAsync(s => s.FileName.StartsWith(Prefix), cancellationToken);

    private static ZipArchive Open(string? path) =>
        path is null
            ? new ZipArchive(typeof(CorpusLoader).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build"), ZipArchiveMode.Read)
            : ZipFile.OpenRead(path);

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
