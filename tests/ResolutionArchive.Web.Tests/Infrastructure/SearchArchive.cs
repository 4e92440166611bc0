using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Parsing.Parsers;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>The site over the five seeds, with the oracle loaded once.</summary>
public sealed class SearchArchive : IAsyncLifetime
{
    /// <summary>The site.</summary>
    public ArchiveApplication App { get; } = new();

    /// <summary>Every stored paragraph and footnote.</summary>
    public IReadOnlyList<OracleEntry> Oracle { get; private set; } = [];

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => Oracle = await SearchOracle.LoadAsync(App);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A stored paragraph or footnote with its resolution's facets, as the oracle sees it.</summary>
public sealed record OracleEntry(string Key, string? Symbol, Body Body, int? Session, DateOnly? AdoptionDate, VoteMode Mode, string Anchor, SearchKindFilter Kind, int Ordinal, string? Verb, string Text)
{
    /// <summary>The paragraph's URL: each segment of the key escaped (keys such as <c>A/RES/75/250 B</c> have spaces).</summary>
    public string Url => $"/resolutions/{string.Join('/', Key.Split('/').Select(Uri.EscapeDataString))}#{Uri.EscapeDataString(Anchor)}";
}

/// <summary>
/// The brute-force search the results are compared with: the stored texts (table <c>Paragraphs</c> and
/// <c>Footnotes</c>, not the search index) scanned with an ordinal <see cref="string.Contains(string, StringComparison)"/>
/// after NFKC of the whole string and lower-casing (the documented normal form, computed independently).
/// </summary>
public static class SearchOracle
{
    /// <summary>Reads every paragraph and footnote of <paramref name="app"/>'s archive, in document order.</summary>
    public static async Task<IReadOnlyList<OracleEntry>> LoadAsync(ArchiveApplication app)
    {
        _ = app.Server; // the site starts and imports its seeds first
        await using var db = app.CreateDbContext();
        var resolutions = await db.Resolutions.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var paragraphs = await db.Paragraphs.AsNoTracking().ToListAsync();
        var footnotes = await db.Footnotes.AsNoTracking().ToListAsync();
        var entries = paragraphs.Select(p =>
        {
            var r = resolutions[p.ResolutionId];
            var kind = p.Kind switch
            {
                ParagraphKind.Preamble => SearchKindFilter.Preamble,
                ParagraphKind.Annex => SearchKindFilter.Annex,
                _ => SearchKindFilter.Operative,
            };
            var verb = p.Kind == ParagraphKind.Operative ? OperativeVerbs.LeadingVerb(p.Text) : null;
            return new OracleEntry(r.Key, r.Symbol, r.Body, r.Session, r.AdoptionDate, r.VoteMode, p.Anchor, kind, p.Ordinal, verb, p.Text);
        }).Concat(footnotes.Select(f =>
        {
            var r = resolutions[f.ResolutionId];
            return new OracleEntry(r.Key, r.Symbol, r.Body, r.Session, r.AdoptionDate, r.VoteMode, f.Anchor, SearchKindFilter.Footnote, 100_000 + f.Ordinal, null, f.Text);
        }));
        return [.. entries.OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Ordinal)];
    }

    /// <summary>The normal form: NFKC, lower case.</summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The entries containing every one of <paramref name="required"/> and none of <paramref name="excluded"/>, in document order.</summary>
    public static List<OracleEntry> Find(IEnumerable<OracleEntry> entries, IReadOnlyCollection<string> required, IReadOnlyCollection<string>? excluded = null) =>
        [.. entries.Where(e =>
        {
            var text = Fold(e.Text);
            return required.All(t => text.Contains(Fold(t), StringComparison.Ordinal))
                && (excluded ?? []).All(t => !text.Contains(Fold(t), StringComparison.Ordinal));
        })];

    /// <summary>The filter of a query string such as <c>body=GA&amp;year-from=2021</c> (valid values only), written out by hand.</summary>
    public static Func<OracleEntry, bool> Filter(string filters)
    {
        var conditions = new List<Func<OracleEntry, bool>>();
        foreach (var pair in filters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = Uri.UnescapeDataString(pair[(name.Length + 1)..]);
            int Number() => int.Parse(value, CultureInfo.InvariantCulture);
            conditions.Add(name switch
            {
                "body" => e => string.Equals(e.Body.ToString(), value, StringComparison.OrdinalIgnoreCase),
                "session-from" => e => e.Session >= Number(),
                "session-to" => e => e.Session <= Number(),
                "year-from" => e => e.AdoptionDate?.Year >= Number(),
                "year-to" => e => e.AdoptionDate?.Year <= Number(),
                "kind" => e => string.Equals(e.Kind.ToString(), value, StringComparison.OrdinalIgnoreCase),
                "mode" => e => e.Mode == value switch { "recorded" => VoteMode.Recorded, "without-vote" => VoteMode.WithoutVote, _ => VoteMode.NotStated },
                "verb" => e => e.Verb == value,
                "resolution" => e => e.Key == value,
                _ => throw new ArgumentException($"unknown filter {name}", nameof(filters)),
            });
        }

        return e => conditions.All(c => c(e));
    }

    /// <summary>Every hit of <c>/api/search?{query}</c>, all pages of 100, in order.</summary>
    public static async Task<List<JsonElement>> AllApiHitsAsync(ArchiveApplication app, string query)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var hits = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = await client.GetAsync($"/api/search?{query}&pageSize=100&page={page}");
            response.StatusCode.Should().Be(HttpStatusCode.OK, query);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            hits.AddRange(root.GetProperty("hits").EnumerateArray().Select(h => h.Clone()));
            if (page >= root.GetProperty("pageCount").GetInt32())
            {
                root.GetProperty("total").GetInt32().Should().Be(hits.Count, query);
                return hits;
            }
        }
    }
}

/// <summary>
/// The classes that read the search site over the seeds: one <see cref="SearchArchive"/> (one site, one oracle) for all
/// of them. They only read.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SearchSiteCollection : ICollectionFixture<SearchArchive>
{
    /// <summary>The collection's name, for <c>[Collection(SearchSiteCollection.Name)]</c>.</summary>
    public const string Name = "Search: the seeds' site";
}
