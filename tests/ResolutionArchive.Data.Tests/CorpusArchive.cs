using System.Diagnostics;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Tests.Akn;

[assembly: AssemblyFixture(typeof(ResolutionArchive.Data.Tests.CorpusArchive))]

namespace ResolutionArchive.Data.Tests;

/// <summary>
/// The corpus-wide archive of the Data tests, imported once per run and shared (an xunit.v3 assembly fixture; issue 15
/// item 11): the five seeds, then every AKN4UN file of <c>../shared/corpus/unxml-ga</c> (sessions 75–76) and
/// <c>unxml-ga-77</c> in ordinal order, each file's outcome kept. The import runs on first use, so a run that needs no
/// corpus never pays for it; where the corpus is missing the asking test skips (or fails under CI) through
/// <see cref="AknCorpus.CorporaOrSkip(string[])"/>. Tests only read it, each through a context of its own
/// (<see cref="TestDatabase.OpenContext"/>).
/// </summary>
public sealed class CorpusArchive : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Imported? _imported;

    /// <summary>The archive and what its import did.</summary>
    /// <param name="Database">The database; read it through <see cref="TestDatabase.OpenContext"/>.</param>
    /// <param name="Files">The AKN files imported, in order (the seeds not included).</param>
    /// <param name="Metadata">The UN's metadata of both corpora (the <c>*.metadata.jsonl</c> files).</param>
    /// <param name="Failed">Each refused file as <c>PATH: diagnostics</c>.</param>
    /// <param name="ReadAlone">Each record made from one file alone: its key → the JSON of that file read on its own.</param>
    /// <param name="Elapsed">The import's wall time.</param>
    internal sealed record Imported(
        TestDatabase Database,
        IReadOnlyList<string> Files,
        IReadOnlyList<AknMetadata> Metadata,
        IReadOnlyList<string> Failed,
        IReadOnlyDictionary<string, string> ReadAlone,
        TimeSpan Elapsed);

    /// <summary>The imported archive, importing it on the first call.</summary>
    /// <exception cref="Xunit.Sdk.SkipException">The corpus is missing (not under CI).</exception>
    /// <exception cref="InvalidOperationException">The corpus is missing under CI.</exception>
    internal async Task<Imported> ImportedAsync()
    {
        var corpora = AknCorpus.CorporaOrSkip("unxml-ga", "unxml-ga-77");
        await _gate.WaitAsync();
        try
        {
            return _imported ??= await ImportAsync(
                corpora.SelectMany(c => Directory.GetFiles(c, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)).ToList(),
                AknCorpus.LoadMetadata(corpora.SelectMany(c => Directory.GetFiles(c, "*.metadata.jsonl"))),
                withSeeds: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Imports <paramref name="files"/> (after the five seeds when <paramref name="withSeeds"/>) into a new database of the
    /// caller's, which disposes it.
    /// </summary>
    internal static async Task<Imported> ImportAsync(IReadOnlyList<string> files, IReadOnlyList<AknMetadata> metadata, bool withSeeds)
    {
        var database = await TestDatabase.CreateAsync();
        var failed = new List<string>();
        var readAlone = new Dictionary<string, string>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        foreach (var file in (withSeeds ? Seeds.Prefixes.Select(Seeds.PathOf) : []).Concat(files))
        {
            var source = ImportSource.FromFile(file);
            var outcome = await database.Importer.ImportAsync(source);
            if (outcome.Status is ImportStatus.Failed)
            {
                failed.Add($"{file}: {string.Join(" | ", outcome.Diagnostics)}");
            }
            else if (outcome.Status is ImportStatus.Imported)
            {
                readAlone[outcome.Key!] = ResolutionJson.Serialize(ResolutionSourceReader.Read(source.Bytes, source.Name).Resolution!);
            }
            else
            {
                readAlone.Remove(outcome.Key!); // enriched by a second source: no longer one file's record
            }
        }

        return new Imported(database, files, metadata, failed, readAlone, watch.Elapsed);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_imported is not null)
        {
            await _imported.Database.DisposeAsync();
        }

        _gate.Dispose();
    }
}
