using System.Text;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Tests.Akn;

namespace ResolutionArchive.Parsing.Tests.Fuzz;

/// <summary>One starting document for mutation: a name and its bytes.</summary>
/// <param name="Name">The seed id or sample file name (without <c>.xml</c>).</param>
/// <param name="Bytes">The document as stored.</param>
internal sealed record FuzzSeed(string Name, byte[] Bytes)
{
    public string Text { get; } = Encoding.UTF8.GetString(Bytes);
}

/// <summary>
/// The documents the fuzz suite mutates, loaded once: the five seed texts; the AKN sample (Akn/Sample/*.xml, the UN's
/// own files); and each seed and each sample that reads, written back with <see cref="AknWriter"/>, so that the
/// exporter's exact reader (<c>AknExportReader</c>) is fuzzed as well as the AKN4UN rules.
/// </summary>
internal static class FuzzCorpus
{
    private static readonly Lazy<IReadOnlyList<FuzzSeed>> LazyTexts = new(() =>
        [.. TestInput.SeedIds.Select(id => new FuzzSeed(id, TestInput.SeedBytes(id)))]);

    private static readonly Lazy<IReadOnlyList<FuzzSeed>> LazyAkn = new(LoadAkn);

    private static readonly Lazy<string[]> LazyLines = new(() =>
        [.. Texts.SelectMany(s => s.Text.Split('\n')).Distinct(StringComparer.Ordinal)]);

    /// <summary>The five seed texts, in id order.</summary>
    public static IReadOnlyList<FuzzSeed> Texts => LazyTexts.Value;

    /// <summary>The AKN documents: the UN sample, then the exports (names starting <c>export-</c>).</summary>
    public static IReadOnlyList<FuzzSeed> Akn => LazyAkn.Value;

    /// <summary>Every distinct line of the five seeds (for line soup).</summary>
    public static string[] SeedLines => LazyLines.Value;

    private static List<FuzzSeed> LoadAkn()
    {
        var sample = Directory.GetFiles(AknCorpus.SampleDirectory, "*.xml")
            .Order(StringComparer.Ordinal)
            .Select(path => new FuzzSeed(Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path)))
            .ToList();
        sample.Should().HaveCountGreaterThanOrEqualTo(10, "the AKN sample is copied to the output folder");
        var exports = new List<FuzzSeed>();
        foreach (var source in Texts.Concat(sample))
        {
            var parsed = ResolutionSourceReader.Read(source.Bytes, source.Name);
            if (parsed.Resolution is null)
            {
                continue;
            }

            try
            {
                exports.Add(new FuzzSeed("export-" + source.Name, Encoding.UTF8.GetBytes(AknWriter.Write(parsed.Resolution))));
            }
            catch (ArgumentException)
            {
                // a record the writer documents it cannot place (parts mixed with unparted clauses): no export to mutate
            }
        }

        exports.Should().HaveCountGreaterThanOrEqualTo(5, "the seeds at least export");
        return [.. sample, .. exports];
    }
}
