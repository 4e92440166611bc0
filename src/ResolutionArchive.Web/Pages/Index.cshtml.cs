using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages;

/// <summary>
/// The home page: every resolution and draft in the archive, <see cref="PageSize"/> to a page (<c>/?page=2</c>),
/// filtered and sorted by query parameters so that each view is a URL to bookmark (docs/browse.md):
/// <c>body</c> (<c>HRC</c>, <c>GA</c>), <c>session</c> (a number), <c>year</c> (of adoption), <c>mode</c>
/// (<c>recorded</c>, <c>without-vote</c>, <c>not-stated</c>), <c>status</c> (<c>adopted</c>, <c>draft</c>) and
/// <c>sort</c> (<c>date-desc</c>, the default: newest first, drafts last; <c>date-asc</c>; <c>number-asc</c>;
/// <c>number-desc</c>). A value that is not one of these is ignored and the page says so; it never fails. A page number
/// that is not a number, or below 1, shows page 1; one past the end shows the last page — a link never breaks as the
/// archive grows or shrinks. Filtering, counting, sorting and paging all run in the database.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// The length of the integer part of a number (<c>159</c> in <c>76/159</c>, <c>101</c> in <c>75/101 A-B</c>): the
    /// characters after the first <c>/</c> up to the first space. Ordering by this length and then by the text after the
    /// <c>/</c> orders the numbers numerically (they have no leading zeros): 76/16 before 76/159 before 76/304, and 75/250
    /// before 75/250 B. Written with Substring, IndexOf and concatenation only, which every EF Core provider translates
    /// (SQLite: <c>instr(substr(…) || ' ', ' ') - 1</c>), so the order is computed in the database, not in memory.
    /// </summary>
    private static readonly Expression<Func<ResolutionEntity, int>> _numberDigits =
        r => (r.Number.Substring(r.Number.IndexOf("/") + 1) + " ").IndexOf(" ");

    /// <summary>The text of a number after its first <c>/</c>: <c>159</c>, <c>101 A-B</c>.</summary>
    private static readonly Expression<Func<ResolutionEntity, string>> _numberRest =
        r => r.Number.Substring(r.Number.IndexOf("/") + 1);

    /// <summary>The filters and order as read from the query (invalid values dropped).</summary>
    internal BrowseFilter Filter { get; private set; } = BrowseFilter.None;

    /// <summary>The query values that were ignored, each with the reason, for the notice above the list.</summary>
    public IReadOnlyList<string> Ignored { get; private set; } = [];

    /// <summary>The rows of the table (this page's).</summary>
    public IReadOnlyList<Row> Resolutions { get; private set; } = [];

    /// <summary>How many records the archive holds.</summary>
    public int Total { get; private set; }

    /// <summary>How many records match the filters (<see cref="Total"/> when there are none).</summary>
    public int Matched { get; private set; }

    /// <summary>Where this page is among the pages.</summary>
    public Pager Paging { get; private set; } = new(1, 1);

    /// <summary>Records per body under the other filters.</summary>
    public IReadOnlyDictionary<Body, int> BodyCounts { get; private set; } = new Dictionary<Body, int>();

    /// <summary>Records per session under the other filters, by session; with the selected session even when 0.</summary>
    public IReadOnlyList<(int Session, int Count)> SessionCounts { get; private set; } = [];

    /// <summary>Records per adoption year under the other filters, newest first; with the selected year even when 0.</summary>
    public IReadOnlyList<(int Year, int Count)> YearCounts { get; private set; } = [];

    /// <summary>Records per adoption mode under the other filters.</summary>
    public IReadOnlyDictionary<VoteMode, int> ModeCounts { get; private set; } = new Dictionary<VoteMode, int>();

    /// <summary>Records per status under the other filters.</summary>
    public IReadOnlyDictionary<ResolutionStatus, int> StatusCounts { get; private set; } = new Dictionary<ResolutionStatus, int>();

    /// <summary>Loads one page of the filtered, sorted list and the facet counts.</summary>
    /// <param name="pageNumber">The <c>page</c> query parameter as given (named apart from Razor Pages' own <c>page</c> route value).</param>
    /// <param name="body">The <c>body</c> parameter.</param>
    /// <param name="session">The <c>session</c> parameter.</param>
    /// <param name="year">The <c>year</c> parameter.</param>
    /// <param name="mode">The <c>mode</c> parameter.</param>
    /// <param name="status">The <c>status</c> parameter.</param>
    /// <param name="sort">The <c>sort</c> parameter.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task OnGetAsync(
        [FromQuery(Name = "page")] string? pageNumber,
        [FromQuery(Name = "body")] string? body,
        [FromQuery(Name = "session")] string? session,
        [FromQuery(Name = "year")] string? year,
        [FromQuery(Name = "mode")] string? mode,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "sort")] string? sort,
        CancellationToken cancellationToken)
    {
        var ignored = new List<string>();
        Filter = BrowseFilter.Read(body, session, year, mode, status, sort, ignored, localizer);
        Ignored = ignored;

        var all = db.Resolutions.AsNoTracking();
        Total = await all.CountAsync(cancellationToken);
        var matching = Filter.Apply(all);
        Matched = Filter.IsFiltered ? await matching.CountAsync(cancellationToken) : Total;
        var pageCount = Math.Max(1, (Matched + PageSize - 1) / PageSize);
        Paging = new Pager(Requested(pageNumber, pageCount), pageCount);

        Resolutions = await Order(matching, Filter.Sort)
            .Skip((Paging.Current - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new Row(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.Status, r.AdoptionDate, r.VoteMode, r.YesCount, r.NoCount, r.AbstainCount))
            .ToListAsync(cancellationToken);

        // Facet counts: for each facet, how many records each of its values would give with the other filters kept.
        BodyCounts = await (Filter with { Body = null }).Apply(all)
            .GroupBy(r => r.Body)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        ModeCounts = await (Filter with { Mode = null }).Apply(all)
            .GroupBy(r => r.VoteMode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        StatusCounts = await (Filter with { Status = null }).Apply(all)
            .GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var sessions = await (Filter with { Session = null }).Apply(all)
            .Where(r => r.Session != null)
            .GroupBy(r => r.Session!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var years = await (Filter with { Year = null }).Apply(all)
            .Where(r => r.AdoptionDate != null)
            .GroupBy(r => r.AdoptionDate!.Value.Year)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (Filter.Session is { } s)
        {
            sessions.TryAdd(s, 0);
        }

        if (Filter.Year is { } y)
        {
            years.TryAdd(y, 0);
        }

        SessionCounts = sessions.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToList();
        YearCounts = years.OrderByDescending(p => p.Key).Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>
    /// Orders records for <paramref name="sort"/>, always ending with the key so that the order is total and pages never
    /// overlap. By date: drafts (no date) last in both directions. By number: body, then session, then the number's
    /// integer part numerically (<see cref="ThenByNumber"/>), drafts last within their session.
    /// </summary>
    internal static IQueryable<ResolutionEntity> Order(IQueryable<ResolutionEntity> query, BrowseSort sort) => sort switch
    {
        BrowseSort.DateAscending => ThenByNumber(query
            .OrderBy(r => r.Status == ResolutionStatus.Draft)
            .ThenBy(r => r.AdoptionDate == null)
            .ThenBy(r => r.AdoptionDate)
            .ThenBy(r => r.Session), descending: false)
            .ThenBy(r => r.Key),
        BrowseSort.NumberAscending => ThenByNumber(query
            .OrderBy(r => r.Body)
            .ThenBy(r => r.Session == null)
            .ThenBy(r => r.Session)
            .ThenBy(r => r.Status == ResolutionStatus.Draft), descending: false)
            .ThenBy(r => r.Key),
        BrowseSort.NumberDescending => ThenByNumber(query
            .OrderByDescending(r => r.Body)
            .ThenBy(r => r.Session == null)
            .ThenByDescending(r => r.Session)
            .ThenBy(r => r.Status == ResolutionStatus.Draft), descending: true)
            .ThenBy(r => r.Key),

        // Drafts last, then newest first; SQLite sorts NULL last in a descending order, as LINQ to objects does.
        _ => ThenByNumber(query
            .OrderBy(r => r.Status == ResolutionStatus.Draft)
            .ThenByDescending(r => r.AdoptionDate)
            .ThenByDescending(r => r.Session), descending: false)
            .ThenBy(r => r.Key),
    };

    /// <summary>
    /// Continues an order with the number's integer part, numerically (76/16, 76/159, 76/304), then its suffix (75/250,
    /// 75/250 B): the length of the integer part first, then the text — translated to SQL by any provider.
    /// </summary>
    public static IOrderedQueryable<ResolutionEntity> ThenByNumber(IOrderedQueryable<ResolutionEntity> query, bool descending) =>
        descending
            ? query.ThenByDescending(_numberDigits).ThenByDescending(_numberRest)
            : query.ThenBy(_numberDigits).ThenBy(_numberRest);

    /// <summary>
    /// The page to show for the <c>page</c> parameter: absent, not a whole number, or below 1 gives page 1; a number past
    /// the last page (however many digits it has) gives the last page.
    /// </summary>
    public static int Requested(string? value, int pageCount)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 1;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Math.Clamp(number, 1, pageCount);
        }

        return value.All(char.IsAsciiDigit) ? pageCount : 1;
    }

    /// <summary>The link to page <paramref name="page"/> of the unfiltered list: <c>/</c> for the first, <c>/?page=N</c> otherwise.</summary>
    public static string Href(int page) => BrowseFilter.None.Href(page);

    /// <summary>The link to page <paramref name="page"/> of this list, with its filters and order.</summary>
    public string PageHref(int page) => Filter.Href(page);

    /// <summary>One resolution in the list.</summary>
    public sealed record Row(
        string Key,
        string? Symbol,
        string Number,
        string Title,
        Body Body,
        int? Session,
        ResolutionStatus Status,
        DateOnly? AdoptionDate,
        VoteMode VoteMode,
        int? YesCount,
        int? NoCount,
        int? AbstainCount);

    /// <summary>The current page and the number of pages.</summary>
    /// <param name="Current">The page shown, from 1.</param>
    /// <param name="Count">How many pages there are (at least 1).</param>
    public sealed record Pager(int Current, int Count)
    {
        /// <summary>True when there is a page before this one.</summary>
        public bool HasPrevious => Current > 1;

        /// <summary>True when there is a page after this one.</summary>
        public bool HasNext => Current < Count;

        /// <summary>
        /// The numbered links to show, in order: the first and last pages and two either side of the current one; a
        /// 0 stands for a gap (…). A gap of one page shows that page instead.
        /// </summary>
        public IReadOnlyList<int> Numbers()
        {
            var shown = new SortedSet<int> { 1, Count };
            for (var page = Math.Max(1, Current - 2); page <= Math.Min(Count, Current + 2); page++)
            {
                shown.Add(page);
            }

            var numbers = new List<int>();
            foreach (var page in shown)
            {
                if (numbers.Count > 0 && page - numbers[^1] == 2)
                {
                    numbers.Add(page - 1);
                }
                else if (numbers.Count > 0 && page - numbers[^1] > 2)
                {
                    numbers.Add(0);
                }

                numbers.Add(page);
            }

            return numbers;
        }
    }
}
