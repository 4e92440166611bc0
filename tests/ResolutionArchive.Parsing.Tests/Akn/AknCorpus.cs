using System.Text.Json;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests.Akn;

/// <summary>One line of the UN metadata (<c>75.metadata.jsonl</c>, <c>76.metadata.jsonl</c>): the fields compared.</summary>
internal sealed record AknMetadata(
    string Symbol,
    string? AdoptionDate,
    string? AdoptionMeeting,
    string AdoptionType,
    int InFavourCount,
    int AgainstCount,
    int AbstainingCount,
    IReadOnlyList<string> InFavour,
    IReadOnlyList<string> Against,
    IReadOnlyList<string> Abstaining);

/// <summary>The vendored sample (Akn/Sample), the full corpus (../shared/corpus/unxml-ga) and the metadata comparison.</summary>
internal static class AknCorpus
{
    /// <summary>
    /// Metadata entries with no file in the corpus: the publisher's folders simply lack them (75/132–75/150, a run of
    /// Sixth Committee resolutions, and 75/297, financing of UNISFA). 647 entries − 20 = 627 checked.
    /// </summary>
    public static readonly string[] MetadataWithoutFile =
    [
        .. Enumerable.Range(132, 19).Select(n => $"A/RES/75/{n}"),
        "A/RES/75/297",
    ];

    /// <summary>Files with no metadata entry: the special and emergency special sessions are not in 75.json/76.json.</summary>
    public static readonly string[] FilesWithoutMetadata = ["A/RES/S-32/1", "A/RES/ES-11/1", "A/RES/ES-11/4", "A/RES/ES-11/6"];

    /// <summary>
    /// Metadata entries whose country lists are empty although the counts are not (a defect of the metadata, not of the
    /// file): A/RES/75/254 A-C states 168-2-0 with empty <c>MS_in_favour</c>/<c>MS_against</c>; the file's lists have
    /// 168 and 2 names. For these only the adoption type and the counts are compared.
    /// </summary>
    public static readonly string[] MetadataWithoutLists = ["A/RES/75/254 A-C"];

    public static string SampleDirectory => Path.Combine(AppContext.BaseDirectory, "Akn", "Sample");

    /// <summary>
    /// The corpus folder: walking up from the test output folder to one holding <c>shared/corpus/unxml-ga</c> (the repo is
    /// cloned beside <c>shared/</c>); null when there is none.
    /// </summary>
    public static string? FindCorpus() => FindCorpus("unxml-ga");

    /// <summary>
    /// The folders of <c>shared/corpus</c> a corpus-wide test needs. Missing ones skip the test with the reason, except
    /// under <c>CI=true</c> (.ci/run, where ../shared is always beside the clone): there a missing corpus fails the test,
    /// as a missing browser does, so that CI never passes without having run it (issue 14 item 15).
    /// </summary>
    public static string[] CorporaOrSkip(params string[] folders) => CorporaOrSkip(ResolutionArchive.Testing.CiEnvironment.IsCi, folders);

    /// <summary><see cref="CorporaOrSkip(string[])"/> with the CI setting given (<paramref name="underCi"/>), for its own test.</summary>
    public static string[] CorporaOrSkip(bool underCi, params string[] folders)
    {
        var found = folders.Select(FindCorpus).ToArray();
        var missing = found.Any(f => f is null)
            ? $"the AKN4UN corpus was not found: no folder{(folders.Length > 1 ? "s" : "")} shared/corpus/{string.Join(" and ", folders)} above {AppContext.BaseDirectory}"
            : null;
        ResolutionArchive.Testing.CiEnvironment.SkipIfMissing(missing, underCi);
        return found!;
    }

    /// <summary>A folder of <c>shared/corpus</c> (<c>unxml-ga</c>: sessions 75–76; <c>unxml-ga-77</c>), or null.</summary>
    public static string? FindCorpus(string folder) => ResolutionArchive.Testing.RepositoryPaths.Shared(Path.Combine("corpus", folder));

    /// <summary>
    /// The files of session 77 refused for a defect of the publisher's, with the reason: A/RES/77/336 is published in
    /// the Chinese folder in Arabic (its FRBRlanguage says <c>ara</c> and its text has no Chinese), so the archive refuses
    /// it (input-formats §7.1); the metadata's line for A/RES/77/336 then has no file.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RefusedFiles = new Dictionary<string, string>
    {
        ["77/A_RES_77_336-2317569A.xml"] = "expected a Chinese text",
    };

    /// <summary>Metadata entries of session 77 with no file read: A/RES/77/336, whose only file is in Arabic.</summary>
    public static readonly string[] MetadataWithoutFile77 = ["A/RES/77/336"];

    /// <summary>Files of session 77 with no metadata line: the emergency special session's ES-11/6.</summary>
    public static readonly string[] FilesWithoutMetadata77 = ["A/RES/ES-11/6"];

    public static IReadOnlyList<AknMetadata> LoadMetadata(IEnumerable<string> jsonlFiles)
    {
        var list = new List<AknMetadata>();
        foreach (var file in jsonlFiles)
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var o = json.RootElement;
                static IReadOnlyList<string> Names(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToList();
                list.Add(new AknMetadata(
                    o.GetProperty("symbol").GetString()!,
                    o.TryGetProperty("adoption_date", out var date) ? date.GetString() : null,
                    o.TryGetProperty("adoption_meeting", out var meeting) ? meeting.GetString() : null,
                    o.GetProperty("adoption_type").GetString()!,
                    int.Parse(o.GetProperty("MS_in_favour_count").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(o.GetProperty("MS_against_count").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(o.GetProperty("MS_abstaining_count").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    Names(o.GetProperty("MS_in_favour")),
                    Names(o.GetProperty("MS_against")),
                    Names(o.GetProperty("MS_abstaining"))));
            }
        }

        return list;
    }

    /// <summary>Differences between a file's vote and its metadata line; empty when they agree.</summary>
    public static IEnumerable<string> Compare(ParsedResolution resolution, AknMetadata meta, CountryRegistry registry)
    {
        var vote = resolution.Vote;
        var expectedMode = meta.AdoptionType switch
        {
            "Without a vote" => VoteMode.WithoutVote,
            "By a recorded vote" => VoteMode.Recorded,
            _ => VoteMode.NotStated,
        };
        if (vote.Mode != expectedMode)
        {
            yield return $"{meta.Symbol}: adoption type {vote.Mode}, metadata '{meta.AdoptionType}'";
            yield break;
        }

        if (meta.AdoptionDate is { Length: > 0 } printedDate
            && DateOnly.TryParseExact(printedDate, "d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            && resolution.AdoptionDate != date)
        {
            yield return $"{meta.Symbol}: adoption date {resolution.AdoptionDate:yyyy-MM-dd}, metadata {date:yyyy-MM-dd}";
        }

        if (meta.AdoptionMeeting is { } m && System.Text.RegularExpressions.Regex.Match(m, @"^(\d+)(?:st|nd|rd|th) plenary meeting") is { Success: true } meetingMatch
            && resolution.Meeting?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) != meetingMatch.Groups[1].Value)
        {
            yield return $"{meta.Symbol}: meeting {resolution.Meeting?.Number}, metadata '{m}'";
        }

        if (expectedMode != VoteMode.Recorded)
        {
            yield break;
        }

        // input-formats §4.5: in favour + against + abstaining + non-voting = the UN's members on the adoption date
        var members = registry.MembersOn(Body.GA, resolution.AdoptionDate!.Value).Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);
        var everyone = vote.Yes.Concat(vote.No).Concat(vote.Abstain).Concat(vote.NonVoting).ToList();
        if (everyone.Count != everyone.Distinct().Count() || !members.SetEquals(everyone))
        {
            yield return $"{meta.Symbol}: the lists and the non-voting members ({everyone.Count}) are not the {members.Count} members on {resolution.AdoptionDate:yyyy-MM-dd}";
        }

        if ((vote.YesCount, vote.NoCount, vote.AbstainCount) != (meta.InFavourCount, meta.AgainstCount, meta.AbstainingCount))
        {
            yield return $"{meta.Symbol}: counts {vote.YesCount}-{vote.NoCount}-{vote.AbstainCount}, metadata {meta.InFavourCount}-{meta.AgainstCount}-{meta.AbstainingCount}";
        }

        foreach (var (label, actual, names) in new[] { ("in favour", vote.Yes, meta.InFavour), ("against", vote.No, meta.Against), ("abstaining", vote.Abstain, meta.Abstaining) })
        {
            if (names.Count == 0 && actual.Count > 0 && MetadataWithoutLists.Contains(meta.Symbol))
            {
                continue;
            }

            var expected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var country = registry.FindByEnglishName(name);
                if (country is null)
                {
                    yield return $"{meta.Symbol}: metadata {label} name '{name}' is not in the registry";
                }
                else
                {
                    expected.Add(country.Iso3);
                }
            }

            if (!expected.SetEquals(actual))
            {
                yield return $"{meta.Symbol}: {label} differs: only in file [{string.Join(",", actual.Except(expected))}], only in metadata [{string.Join(",", expected.Except(actual))}]";
            }
        }
    }

    /// <summary>
    /// Reads every file and pairs it with its metadata line by symbol (the reader's symbol, whose cover-page errors are
    /// corrected from the preface, §7.2). Returns the read results, the mismatches, and the metadata symbols no file had.
    /// </summary>
    public static (List<(string File, ParseResult Result)> Results, List<string> Mismatches, List<string> Unmatched) CheckAll(
        IEnumerable<string> xmlFiles, IReadOnlyList<AknMetadata> metadata, string root)
    {
        var registry = CountryRegistry.Default;
        var results = new List<(string, ParseResult)>();
        var mismatches = new List<string>();
        var bySymbol = metadata.ToDictionary(m => m.Symbol, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in xmlFiles.OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path);
            var result = AknResolutionReader.Read(File.ReadAllBytes(path), name, registry);
            results.Add((name, result));
            if (result.Resolution is not { Symbol: { } symbol } resolution)
            {
                continue;
            }

            if (!bySymbol.TryGetValue(symbol, out var meta))
            {
                if (!FilesWithoutMetadata.Contains(symbol))
                {
                    mismatches.Add($"{name}: no metadata line for {symbol}");
                }

                continue;
            }

            if (!seen.Add(symbol))
            {
                mismatches.Add($"{name}: a second file for {symbol}");
            }

            mismatches.AddRange(Compare(resolution, meta, registry).Select(m => $"{name}: {m}"));
        }

        var unmatched = metadata.Select(m => m.Symbol).Where(s => !seen.Contains(s)).ToList();
        return (results, mismatches, unmatched);
    }
}
