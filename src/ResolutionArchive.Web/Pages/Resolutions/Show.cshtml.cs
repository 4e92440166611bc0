using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Queries;
using ResolutionArchive.Parsing.References;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Pages.Resolutions;

/// <summary>
/// One resolution rendered as a document at its permanent URL <c>/resolutions/{key}</c> (the key is the symbol,
/// e.g. <c>/resolutions/A/HRC/RES/46/13</c>). A number (<c>/resolutions/46/13</c>) redirects to the canonical URL when
/// it names one resolution, and lists the candidates when it names several.
/// </summary>
public sealed class ShowModel(ArchiveDbContext db, Data.Lineage.LineageGraph lineage, Data.Voting.VotingRecords voting) : PageModel
{
    /// <summary>The tally of each member of <see cref="Series"/> adopted by a recorded vote, by key (the series box).</summary>
    public IReadOnlyDictionary<string, (int Yes, int No, int Abstain)> SeriesTallies { get; private set; } = new Dictionary<string, (int, int, int)>();

    /// <summary>
    /// How many states changed their position from <see cref="Previous"/>'s recorded vote to this record's (docs/voting.md
    /// §10); null unless both were adopted by a recorded vote.
    /// </summary>
    public int? SwitchedFromPrevious { get; private set; }

    /// <summary>The record's series, oldest first (docs/lineage.md §2); one member when it has none.</summary>
    public IReadOnlyList<Data.Lineage.SeriesMember> Series { get; private set; } = [];

    /// <summary>The anchors of the preamble clauses and operative paragraphs that lineage compares (docs/lineage.md §2).</summary>
    public IReadOnlySet<string> Compared { get; private set; } = new HashSet<string>();

    /// <summary>Where each compared paragraph came from, by anchor; a compared paragraph absent here is new.</summary>
    public IReadOnlyDictionary<string, Data.Lineage.ParagraphOrigin> Origins { get; private set; } = new Dictionary<string, Data.Lineage.ParagraphOrigin>();

    /// <summary>The record before this one in its series, if any: the target of "compare with previous".</summary>
    public Data.Lineage.SeriesMember? Previous => Series.TakeWhile(m => m.Key != Key).LastOrDefault();

    /// <summary>The compare view of <paramref name="earlierKey"/> with this record, at this record's paragraph <paramref name="anchor"/>.</summary>
    public string CompareHref(string earlierKey, string? anchor = null) =>
        ArchiveUrls.Compare(earlierKey, Key) + (anchor is null ? "" : $"#b-{anchor}");

    /// <summary>The record's key as requested.</summary>
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    /// <summary>The resolution; null when <see cref="Candidates"/> is shown instead.</summary>
    public ParsedResolution? Resolution { get; private set; }

    /// <summary>
    /// The resolution's cross-references with their URLs (docs/references.md), also put in
    /// <c>ViewData[ReferenceLinks.ViewDataKey]</c> so that the partials <c>_ClauseText</c> and <c>_Points</c> find them.
    /// </summary>
    internal ReferenceLinks Links { get; private set; } = ReferenceLinks.Empty;

    /// <summary>
    /// The archived resolutions that cite this one, with the citing paragraphs (docs/references.md); empty for a draft
    /// or when nothing cites it. Rendered by <c>_CitedBy</c>.
    /// </summary>
    public IReadOnlyList<CitingResolution> CitedBy { get; private set; } = [];

    /// <summary>Records whose number matches an ambiguous request.</summary>
    public IReadOnlyList<(string Key, string Label, string Title)> Candidates { get; private set; } = [];

    /// <summary>The record's pages (docs/browse.md "Long documents"); one for every resolution of usual length.</summary>
    internal DocumentPages Pages { get; private set; } = null!;

    /// <summary>The page shown, from 1.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>True when the paragraph, sub-paragraph or footnote <paramref name="anchor"/> is on the page shown (not named
    /// On…: Razor Pages would take it for a handler).</summary>
    public bool IsShown(string anchor) => Pages.IsOn(anchor, PageNumber);

    /// <summary>The URL of page <paramref name="page"/> of this record: its permanent URL for page 1, <c>?page=N</c> after it.</summary>
    public string PageHref(int page) => ArchiveUrls.Resolution(Key) + (page > 1 ? $"?page={page}" : "");

    /// <summary>
    /// Loads the record, redirects a number to its symbol, or answers 404. For a record in several pages,
    /// <paramref name="pageNumber"/> chooses the page (not a whole number: page 1; past the end: the last page, as the
    /// home page's list does) and <paramref name="at"/> — a paragraph's anchor, from a link made without knowing the page,
    /// or from wwwroot/js/permalink.js — redirects to the page that holds it, at the anchor.
    /// </summary>
    /// <param name="pageNumber">The <c>page</c> query parameter as given (named apart from Razor Pages' own <c>page</c> route value).</param>
    /// <param name="at">The <c>at</c> query parameter: an anchor such as <c>op400</c> or <c>fn12</c>.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageNumber, [FromQuery(Name = "at")] string? at, CancellationToken cancellationToken)
    {
        var key = (Key ?? "").Trim('/');
        var entity = await ResolutionLookup.FindByKeyAsync(db, key, cancellationToken);
        if (entity is not null)
        {
            Resolution = ResolutionMapper.ToModel(entity);
            Key = entity.Key;
            Pages = DocumentPages.Of(Resolution);
            if (at is not null)
            {
                return Pages.PageOf(at) is { } holding
                    ? Redirect(PageHref(holding) + "#" + Uri.EscapeDataString(at))
                    : Redirect(PageHref(1));
            }

            PageNumber = IndexModel.Requested(pageNumber, Pages.Count);
            Links = new ReferenceLinks(await CrossReferences.LinksOfAsync(db, entity.Key, cancellationToken));
            ViewData[ReferenceLinks.ViewDataKey] = Links;
            CitedBy = entity.Symbol is null ? [] : await CrossReferences.CitedByAsync(db, entity.Symbol, cancellationToken);
            Series = await lineage.SeriesOfAsync(db, entity.Key, cancellationToken);
            Origins = await lineage.OriginsAsync(db, entity.Key, cancellationToken);
            if (Series.Count > 1)
            {
                var votes = (await voting.GetAsync(db, cancellationToken)).VotesByKey;
                SeriesTallies = Series.Where(m => votes.ContainsKey(m.Key)).ToDictionary(m => m.Key, m => votes[m.Key].Counts, StringComparer.Ordinal);
                if (Previous is { } previous && votes.TryGetValue(previous.Key, out var before) && votes.TryGetValue(entity.Key, out var now))
                {
                    SwitchedFromPrevious = Data.Voting.VoteChanges.Between(Data.Voting.VoteChanges.PositionsOf(before), Data.Voting.VoteChanges.PositionsOf(now)).Count;
                }
            }

            Compared = entity.Paragraphs.Where(p => p.Kind is ParagraphKind.Preamble or ParagraphKind.Operative && Data.Lineage.ParagraphSimilarity.Key(p.Text).Length >= Data.Lineage.LineageStore.MinLength)
                .Select(p => p.Anchor).ToHashSet(StringComparer.Ordinal);
            return Page();
        }

        var byNumber = await db.Resolutions.AsNoTracking()
            .Where(r => r.Number == key || r.Symbol == key)
            .Select(r => new { r.Key, Label = r.Symbol ?? r.Number, r.Title })
            .ToListAsync(cancellationToken);
        if (byNumber.Count == 1)
        {
            return RedirectPermanent(ArchiveUrls.Resolution(byNumber[0].Key));
        }

        if (byNumber.Count > 1)
        {
            Candidates = byNumber.Select(c => (c.Key, c.Label, c.Title)).ToList();
            return Page();
        }

        return NotFound();
    }

    /// <summary>The anchor id of a footnote reference: <c>ref-{clause}-{marker}</c>.</summary>
    public static string RefId(string clauseId, string marker) => $"ref-{clauseId}-{(marker == "*" ? "star" : marker)}";

    /// <summary>The anchor id of a footnote: <c>fn1</c>, <c>fn-star</c>.</summary>
    public static string FootnoteId(string marker) => marker == "*" ? "fn-star" : $"fn{marker}";

    /// <summary>
    /// How a citing paragraph is named in the "cited by" list: <c>op36</c> → 第 36 段, <c>pp8</c> → 序言部分第 8 段,
    /// <c>op3-a</c> → 第 3 段 (a) 项, <c>fn2</c> → 脚注 2 (through <paramref name="l"/> when given); any other anchor as it is.
    /// </summary>
    public static string CitingLabel(string anchor, IStringLocalizer? l = null)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return Anchor.Parse(anchor) switch
        {
            { Part: null, Kind: AnchorKind.Operative, Number: var number } a when int.TryParse(number, out var n) =>
                l.Localize("第 {0} 段", n) + string.Concat(a.SubLabels.Select(p => l.Localize(" ({0}) 项", p))),
            { Part: null, Kind: AnchorKind.Preamble, Number: var number } when int.TryParse(number, out var n) => l.Localize("序言部分第 {0} 段", n),
            { Part: null, Kind: AnchorKind.Footnote, Number: { } marker } when marker != "*" => l.Localize("脚注 {0}", marker),
            _ => anchor,
        };
    }

    /// <summary>The first <paramref name="length"/> characters (UTF-16 code units, a surrogate pair never split) of a
    /// citing paragraph, with "…" when it was cut.</summary>
    public static string Excerpt(string text, int length = 80)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut] + "…";
    }
}

/// <summary>
/// The cross-references of one resolution page, by the anchor of the text they are in (docs/references.md), for the
/// partials that render clause, sub-paragraph and footnote text as runs of plain text, <c>&lt;strong&gt;</c> and
/// <c>&lt;a href&gt;</c>.
/// </summary>
internal sealed class ReferenceLinks
{
    /// <summary>The <c>ViewData</c> key under which <see cref="ShowModel"/> passes the links to the partials.</summary>
    public const string ViewDataKey = "ResolutionArchive.ReferenceLinks";

    private readonly ILookup<string, ReferenceLink> _byAnchor;

    /// <summary>The links of the stored references <paramref name="links"/> (any order).</summary>
    public ReferenceLinks(IEnumerable<ReferenceLink> links) =>
        _byAnchor = (links ?? []).OrderBy(l => l.Start).ToLookup(l => l.Anchor, StringComparer.Ordinal);

    /// <summary>No links at all (a page rendered without them).</summary>
    public static ReferenceLinks Empty { get; } = new([]);

    /// <summary>The links of the text with anchor <paramref name="anchor"/>, by start offset.</summary>
    public IReadOnlyList<ReferenceLink> For(string anchor) => _byAnchor[anchor].ToList();

    /// <summary>
    /// <paramref name="text"/> cut into link segments and emphasis runs (<see cref="LinkedText.Split"/>); a segment's
    /// <see cref="LinkedSegment.Link"/> indexes <paramref name="links"/>.
    /// </summary>
    public static IReadOnlyList<LinkedSegment> Split(string text, IReadOnlyList<Emphasis> emphasis, IReadOnlyList<ReferenceLink> links) =>
        LinkedText.Split(text, emphasis, (links ?? []).Select(l => (l.Start, l.Length)).ToList());
}
