using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionArchive.Data;
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
public sealed class IndexModel(ArchiveDbContext db, BrowseIndex index, Hosting.CorpusProgress corpus) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>The filters and order as read from the query (invalid values dropped).</summary>
    public BrowseFilter Filter { get; private set; } = BrowseFilter.None;

    /// <summary>The background load of the UN corpus, for the notice while it runs (docs/operations.md §8).</summary>
    internal Hosting.CorpusProgress Corpus => corpus;

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

    /// <summary>Loads one page of the filtered, sorted list and the facet counts (<see cref="BrowseQuery"/>).</summary>
    /// <param name="request">The filters and order, bound from the query by <see cref="BrowseRequestBinder"/>.</param>
    /// <param name="pageNumber">The <c>page</c> query parameter as given (named apart from Razor Pages' own <c>page</c> route value).</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task OnGetAsync(BrowseRequest request, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        (Filter, Ignored) = (request.Filter, request.Ignored);
        var result = await new BrowseQuery(db, index).RunAsync(Filter, pageNumber, PageSize, cancellationToken);
        (Total, Matched, Paging, Resolutions) = (result.Total, result.Matched, result.Paging, result.Rows);
        (BodyCounts, SessionCounts, YearCounts, ModeCounts, StatusCounts) = (result.Bodies, result.Sessions, result.Years, result.Modes, result.Statuses);
    }

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
