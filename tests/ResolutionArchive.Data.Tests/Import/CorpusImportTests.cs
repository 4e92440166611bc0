using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Tests.Akn;
using Xunit.Abstractions;

namespace ResolutionArchive.Data.Tests.Import;

/// <summary>
/// What the importer stored, compared with the UN's metadata (adoption type, counts, the three country lists): on the
/// vendored sample always, on the whole corpus when <c>../shared/corpus/unxml-ga</c> is there (skipped with the reason
/// otherwise). The seeds are imported too, so the archive is the 635-resolution one, with 76/159 from both formats.
/// </summary>
public sealed class CorpusImportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheVendoredSampleIsStoredWithTheVotesOfTheMetadata()
    {
        var sample = AknCorpus.SampleDirectory;
        var result = await ImportAndCompareAsync(Directory.GetFiles(sample, "*.xml"), AknCorpus.LoadMetadata([Path.Combine(sample, "sample.metadata.jsonl")]));

        result.Failed.Should().BeEmpty();
        result.Mismatches.Should().BeEmpty();
        result.Compared.Should().Be(Directory.GetFiles(sample, "*.xml").Length);
    }

    [SkippableFact]
    public async Task TheWholeCorpusAndTheSeedsAreStoredWithTheVotesOfTheMetadata()
    {
        var corpus = AknCorpus.FindCorpus();
        Skip.If(corpus is null, $"the AKN4UN corpus was not found: no folder shared/corpus/unxml-ga above {AppContext.BaseDirectory}");
        var files = Directory.GetFiles(corpus, "*.xml", SearchOption.AllDirectories);
        var metadata = AknCorpus.LoadMetadata(Directory.GetFiles(corpus, "*.metadata.jsonl"));

        var result = await ImportAndCompareAsync(files, metadata, withSeeds: true);

        result.Failed.Should().BeEmpty();
        result.Mismatches.Should().BeEmpty();
        result.Compared.Should().Be(metadata.Count - AknCorpus.MetadataWithoutFile.Length, "every metadata entry with a file is compared");
        result.Resolutions.Should().Be(files.Length + 4, "630 files and the five seeds, of which 003 is the same record as 76/159");
        output.WriteLine($"imported {files.Length} AKN files and 5 seeds in {result.Elapsed.TotalSeconds:0.0} s; compared {result.Compared} metadata entries");
    }

    private static async Task<(List<string> Failed, List<string> Mismatches, int Compared, int Resolutions, TimeSpan Elapsed)> ImportAndCompareAsync(
        IEnumerable<string> files, IReadOnlyList<AknMetadata> metadata, bool withSeeds = false)
    {
        await using var database = TestDatabase.Create();
        var failed = new List<string>();
        var watch = Stopwatch.StartNew();
        var readAlone = new Dictionary<string, string>(StringComparer.Ordinal); // key → JSON of the file read on its own
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

        watch.Stop();
        await using var context = database.OpenContext();
        var mismatches = new List<string>();

        // storage is lossless: a record from one file comes back from the database exactly as the file reads
        foreach (var (key, json) in readAlone)
        {
            var stored = ResolutionJson.Serialize(ResolutionMapper.ToModel((await Queries.ResolutionLookup.FindByKeyAsync(context, key))!));
            if (stored != json)
            {
                mismatches.Add($"{key}: the stored record differs from the file read alone");
            }
        }

        var compared = 0;
        foreach (var meta in metadata.Where(m => !AknCorpus.MetadataWithoutFile.Contains(m.Symbol)))
        {
            var stored = await Queries.ResolutionLookup.FindByKeyAsync(context, meta.Symbol);
            if (stored is null)
            {
                mismatches.Add($"{meta.Symbol}: not stored");
                continue;
            }

            mismatches.AddRange(AknCorpus.Compare(ResolutionMapper.ToModel(stored), meta, CountryRegistry.Default));
            compared++;
        }

        return (failed, mismatches, compared, await context.Resolutions.CountAsync(), watch.Elapsed);
    }
}
