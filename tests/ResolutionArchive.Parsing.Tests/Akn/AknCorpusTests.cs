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

    [Fact]
    public void EveryCorpusFileReadsWithoutErrorsAndMatchesTheMetadata()
    {
        var corpus = AknCorpus.CorporaOrSkip("unxml-ga")[0];

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

    [Fact]
    public void EveryFileOfSessions75To77IsReadOrRefusedForAKnownDefectAndMatchesTheMetadata()
    {
        var corpora = AknCorpus.CorporaOrSkip("unxml-ga", "unxml-ga-77");

        var files = corpora.SelectMany(c => Directory.GetFiles(c!, "*.xml", SearchOption.AllDirectories)).ToList();
        files.Should().HaveCount(630 + 344);
        var metadata = AknCorpus.LoadMetadata(corpora.SelectMany(c => Directory.GetFiles(c!, "*.metadata.jsonl")).Order(StringComparer.Ordinal));
        var results = new List<(string File, ParseResult Result)>();
        var mismatches = new List<string>();
        var unmatched = new HashSet<string>(metadata.Select(m => m.Symbol), StringComparer.Ordinal);
        foreach (var corpus in corpora)
        {
            var (r, m, _) = AknCorpus.CheckAll(Directory.GetFiles(corpus!, "*.xml", SearchOption.AllDirectories), metadata, corpus!);
            results.AddRange(r);
            mismatches.AddRange(m);
            unmatched.ExceptWith(r.Select(x => x.Result.Resolution?.Symbol).OfType<string>());
        }

        // 0 files lost: every file is a record, or refused for the defect the test names
        var refused = results.Where(r => !r.Result.Succeeded).ToDictionary(r => r.File.Replace('\\', '/'), r => r.Result.Errors.First().Message);
        refused.Keys.Should().BeEquivalentTo(AknCorpus.RefusedFiles.Keys, Failures(results));
        refused.Should().OnlyContain(r => r.Value.StartsWith(AknCorpus.RefusedFiles[r.Key], StringComparison.Ordinal));
        // 0 paragraphs lost: the completeness check (input-formats §7.14) finds nothing on any file
        results.SelectMany(r => r.Result.Diagnostics).Where(d => d.Message.Contains("completeness check", StringComparison.Ordinal)).Should().BeEmpty();
        // votes, dates and meetings equal the UN's metadata
        mismatches.Should().BeEmpty(string.Join("\n", mismatches));
        unmatched.Should().BeEquivalentTo(AknCorpus.MetadataWithoutFile.Concat(AknCorpus.MetadataWithoutFile77));
    }

    private static string Failures(IEnumerable<(string File, ParseResult Result)> results) =>
        string.Join("\n", results.Where(r => !r.Result.Succeeded)
            .SelectMany(r => r.Result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())));
}
