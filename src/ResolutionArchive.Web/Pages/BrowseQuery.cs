using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages;

/// <summary>
/// The home page's one query (the vertical slice of jbogard/ContosoUniversityDotNetCore-Pages): a page of the records
/// that pass a <see cref="BrowseFilter"/>, in its order, with the facet counts (docs/browse.md). All of it is read in
/// one read snapshot (<see cref="ReadSnapshot"/>), from the records grouped by the five facets (body, session, year of
/// adoption, adoption mode, status): the total, the number matched and every facet's counts under the other filters are
/// summed in memory from those groups — a few hundred for the whole UN record.
/// <list type="bullet">
/// <item>With a <see cref="BrowseIndex"/> whose revision is the snapshot's (every request but the first after an
/// import): the groups and the order come from it; the page's keys are picked in memory and one statement reads their
/// rows — two statements in all (the revision, the rows), whatever the archive's size.</item>
/// <item>Without one, or when an import committed since the index was built: two statements, the grouped count and the
/// page's rows filtered, ordered and paged in SQL.</item>
/// </list>
/// Both give the same page (a test).
/// </summary>
/// <param name="db">The archive.</param>
/// <param name="index">The kept orders (the site's singleton), or null to read everything from the database.</param>
internal sealed class BrowseQuery(ArchiveDbContext db, BrowseIndex? index = null)
{
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

    /// <summary>What the page shows.</summary>
    /// <param name="Total">How many records the archive holds.</param>
    /// <param name="Matched">How many pass the filter.</param>
    /// <param name="Paging">The page shown (the one asked for, clamped by <see cref="IndexModel.Requested"/>) and the page count.</param>
    /// <param name="Rows">The page's rows.</param>
    /// <param name="Bodies">Records per body under the other filters.</param>
    /// <param name="Sessions">Records per session under the other filters, by session; the selected one even when 0.</param>
    /// <param name="Years">Records per adoption year under the other filters, newest first; the selected one even when 0.</param>
    /// <param name="Modes">Records per adoption mode under the other filters.</param>
    /// <param name="Statuses">Records per status under the other filters.</param>
    public sealed record Result(
        int Total,
        int Matched,
        IndexModel.Pager Paging,
        IReadOnlyList<IndexModel.Row> Rows,
        IReadOnlyDictionary<Body, int> Bodies,
        IReadOnlyList<(int Session, int Count)> Sessions,
        IReadOnlyList<(int Year, int Count)> Years,
        IReadOnlyDictionary<VoteMode, int> Modes,
        IReadOnlyDictionary<ResolutionStatus, int> Statuses);

    /// <summary>Runs the query for <paramref name="filter"/> and the <c>page</c> parameter as given.</summary>
    /// <param name="filter">The filters and order.</param>
    /// <param name="page">The <c>page</c> query parameter's text, or null (<see cref="IndexModel.Requested"/> reads it).</param>
    /// <param name="pageSize">Rows per page.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task<Result> RunAsync(BrowseFilter filter, string? page, int pageSize, CancellationToken cancellationToken)
    {
        var kept = index is null ? ((BrowseIndex.Orders Value, long Revision)?)null : await index.GetAsync(db, cancellationToken);
        return await ReadSnapshot.RunAsync(db, async token =>
        {
            var orders = kept is { } k && await ArchiveRevision.ReadAsync(db, token) == k.Revision ? k.Value : null;
            return await ReadAsync(filter, page, pageSize, orders, token);
        }, cancellationToken);
    }

    /// <summary><see cref="RunAsync"/>'s statements, in the caller's snapshot so that the counts and the rows agree.</summary>
    /// <param name="filter">The filters and order.</param>
    /// <param name="page">The <c>page</c> parameter's text, or null.</param>
    /// <param name="pageSize">Rows per page.</param>
    /// <param name="orders">The kept orders of this snapshot's revision, or null to read the groups and the page in SQL.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    private async Task<Result> ReadAsync(BrowseFilter filter, string? page, int pageSize, BrowseIndex.Orders? orders, CancellationToken cancellationToken)
    {
        var all = db.Resolutions.AsNoTracking();
        var cells = orders?.Cells ?? (await all
            .GroupBy(r => new { r.Body, r.Session, Year = r.AdoptionDate == null ? (int?)null : r.AdoptionDate.Value.Year, r.VoteMode, r.Status })
            .Select(g => new { g.Key.Body, g.Key.Session, g.Key.Year, g.Key.VoteMode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .Select(g => (new BrowseFacets(g.Body, g.Session, g.Year, g.VoteMode, g.Status), g.Count))
            .ToList();

        var matched = Sum(cells, filter);
        var pageCount = Math.Max(1, (matched + pageSize - 1) / pageSize);
        var paging = new IndexModel.Pager(IndexModel.Requested(page, pageCount), pageCount);
        var skip = (paging.Current - 1) * pageSize;
        IQueryable<ResolutionEntity> pageQuery;
        string[]? keys = null;
        if (orders is null)
        {
            pageQuery = Order(filter.Apply(all), filter.Sort).Skip(skip).Take(pageSize);
        }
        else
        {
            keys = orders.BySort[filter.Sort].Where(e => e.Facets.Pass(filter)).Skip(skip).Take(pageSize).Select(e => e.Key).ToArray();
            pageQuery = all.Where(r => keys.Contains(r.Key));
        }

        var rows = await pageQuery
            .Select(r => new IndexModel.Row(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.Status, r.AdoptionDate, r.VoteMode, r.YesCount, r.NoCount, r.AbstainCount))
            .ToListAsync(cancellationToken);
        if (keys is not null)
        {
            var position = keys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
            rows = [.. rows.OrderBy(r => position[r.Key])];
        }

        var sessions = Facet(cells, filter with { Session = null }, c => c.Session);
        var years = Facet(cells, filter with { Year = null }, c => c.Year);
        if (filter.Session is { } session)
        {
            sessions.TryAdd(session, 0);
        }

        if (filter.Year is { } year)
        {
            years.TryAdd(year, 0);
        }

        return new Result(
            cells.Sum(c => c.Count),
            matched,
            paging,
            rows,
            Facet(cells, filter with { Body = null }, c => (Body?)c.Body),
            sessions.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToList(),
            years.OrderByDescending(p => p.Key).Select(p => (p.Key, p.Value)).ToList(),
            Facet(cells, filter with { Mode = null }, c => (VoteMode?)c.Mode),
            Facet(cells, filter with { Status = null }, c => (ResolutionStatus?)c.Status));
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

    private static int Sum(IEnumerable<(BrowseFacets Facets, int Count)> cells, BrowseFilter filter) =>
        cells.Where(c => c.Facets.Pass(filter)).Sum(c => c.Count);

    /// <summary>Records per value of one facet among the groups that pass <paramref name="others"/>; groups without a value are left out.</summary>
    private static Dictionary<TKey, int> Facet<TKey>(IEnumerable<(BrowseFacets Facets, int Count)> cells, BrowseFilter others, Func<BrowseFacets, TKey?> value)
        where TKey : struct =>
        cells.Where(c => c.Facets.Pass(others) && value(c.Facets) is not null)
            .GroupBy(c => value(c.Facets)!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
}
