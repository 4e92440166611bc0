using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages;

/// <summary>
/// The home page: every resolution and draft in the archive, newest first, drafts last, <see cref="PageSize"/> to a
/// page (<c>/?page=2</c>). A page number that is not a number, or below 1, shows page 1; one past the end shows the
/// last page — a link never breaks as the archive grows or shrinks.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>The rows of the table (this page's).</summary>
    public IReadOnlyList<Row> Resolutions { get; private set; } = [];

    /// <summary>How many records the archive holds.</summary>
    public int Total { get; private set; }

    /// <summary>Where this page is among the pages.</summary>
    public Pager Paging { get; private set; } = new(1, 1);

    /// <summary>Loads one page of the list.</summary>
    /// <param name="pageNumber">The <c>page</c> query parameter as given (named apart from Razor Pages' own <c>page</c> route value).</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task OnGetAsync([FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        Total = await db.Resolutions.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        Paging = new Pager(Requested(pageNumber, pageCount), pageCount);

        // Drafts last, then newest first; SQLite sorts NULL last in a descending order, as LINQ to objects does.
        Resolutions = await db.Resolutions.AsNoTracking()
            .OrderBy(r => r.Status == ResolutionStatus.Draft)
            .ThenByDescending(r => r.AdoptionDate)
            .ThenByDescending(r => r.Session)
            .ThenBy(r => r.Number)
            .ThenBy(r => r.Key)
            .Skip((Paging.Current - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new Row(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.Status, r.AdoptionDate, r.VoteMode, r.YesCount, r.NoCount, r.AbstainCount))
            .ToListAsync(cancellationToken);
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

    /// <summary>The link to page <paramref name="page"/> of the list: <c>/</c> for the first, <c>/?page=N</c> otherwise.</summary>
    public static string Href(int page) => page <= 1 ? "/" : $"/?page={page.ToString(CultureInfo.InvariantCulture)}";

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
