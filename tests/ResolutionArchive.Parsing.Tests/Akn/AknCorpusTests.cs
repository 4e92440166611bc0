using System.Diagnostics;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing.Tests.Akn;

/// <summary>AKN4UN files against the UN's own metadata: the vendored sample always, the whole corpus when present.</summary>
public class AknCorpusTests
{
    [Fact]
    public void SampleFilesReadWithoutErrorsAndMatchTheirMetadata()
    {
        var files = Directory.GetFiles(AknCorpus.SampleDirectory, "*.xml");
        files.Should().HaveCountGreaterThanOrEqualTo(15).And.HaveCountLessThanOrEqualTo(20);
        var metadata = AknCorpus.LoadMetadata([Path.Combine(AknCorpus.SampleDirectory, "sample.metadata.jsonl")]);

        var (results, mismatches, unmatched) = AknCorpus.CheckAll(files, metadata, AknCorpus.SampleDirectory);

        results.Where(r => !r.Result.Succeeded).Should().BeEmpty(Failures(results));
        mismatches.Should().BeEmpty(string.Join("\n", mismatches));
        unmatched.Should().BeEmpty("every sample metadata line has its file");
        metadata.Should().HaveCount(files.Length);
    }

    [SkippableFact]
    public void EveryCorpusFileReadsWithoutErrorsAndMatchesTheMetadata()
    {
        var corpus = AknCorpus.FindCorpus();
        Skip.If(corpus is null, $"the AKN4UN corpus was not found: no folder shared/corpus/unxml-ga above {AppContext.BaseDirectory}");

        var files = Directory.GetFiles(corpus!, "*.xml", SearchOption.AllDirectories);
        files.Should().HaveCount(630);
        var metadata = AknCorpus.LoadMetadata(Directory.GetFiles(corpus!, "*.metadata.jsonl").Order(StringComparer.Ordinal));
        metadata.Should().HaveCount(647);

        var watch = Stopwatch.StartNew();
        var (results, mismatches, unmatched) = AknCorpus.CheckAll(files, metadata, corpus!);
        watch.Stop();

        results.Where(r => !r.Result.Succeeded).Should().BeEmpty(Failures(results));
        mismatches.Should().BeEmpty(string.Join("\n", mismatches));
        // every metadata entry is either checked against its file or listed as having none
        unmatched.Should().BeEquivalentTo(AknCorpus.MetadataWithoutFile);
        (metadata.Count - unmatched.Count).Should().Be(627);
        metadata.Where(m => AknCorpus.MetadataWithoutLists.Contains(m.Symbol))
            .Should().OnlyContain(m => m.InFavour.Count == 0 && m.InFavourCount > 0, "the known metadata defect is still there");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "reading 630 files takes about two seconds");
    }

    private static string Failures(IEnumerable<(string File, ParseResult Result)> results) =>
        string.Join("\n", results.Where(r => !r.Result.Succeeded)
            .SelectMany(r => r.Result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())));
}
