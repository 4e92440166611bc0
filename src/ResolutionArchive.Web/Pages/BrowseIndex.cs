using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages;

/// <summary>
/// The home list's orders, kept per archive revision (<see cref="RevisionCache{T}"/>): for each <see cref="BrowseSort"/>,
/// every record's key and its five facet values (body, session, year of adoption, adoption mode, status) in that order,
/// as the database orders them (<see cref="BrowseQuery.Order"/>). With it a request filters, counts and pages in memory
/// and reads only its page's rows from the database, by key, so the home list costs the same for 1,000 records as for
/// the General Assembly's whole history (docs/performance.md "Voting at scale": the full sort and the grouped count of
/// every record were most of a request's time at 6,700 records). About 40 bytes per record and order; rebuilt by the
/// first request after an import, in four statements.
/// </summary>
public sealed class BrowseIndex
{
    private readonly RevisionCache<Orders> _cache = new(LoadAsync);

    /// <summary>One record in an order: its key and the values the filters test.</summary>
    /// <param name="Key">The record's key (<c>ResolutionEntity.Key</c>).</param>
    /// <param name="Facets">Its body, session, year of adoption, adoption mode and status.</param>
    internal sealed record Entry(string Key, BrowseFacets Facets);

    /// <summary>The records in every order, and the facet groups with their counts.</summary>
    /// <param name="BySort">Every record, in each order.</param>
    /// <param name="Cells">The records grouped by their five facet values, with the count of each group.</param>
    internal sealed record Orders(IReadOnlyDictionary<BrowseSort, Entry[]> BySort, IReadOnlyList<(BrowseFacets Facets, int Count)> Cells);

    /// <summary>The orders as of the archive's current revision, and that revision (built again when it changed).</summary>
    internal Task<(Orders Value, long Revision)> GetAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        _cache.GetAsync(db, cancellationToken);

    private static async Task<Orders> LoadAsync(ArchiveDbContext db, long revision, CancellationToken cancellationToken)
    {
        var bySort = new Dictionary<BrowseSort, Entry[]>();
        foreach (var sort in Enum.GetValues<BrowseSort>())
        {
            var rows = await BrowseQuery.Order(db.Resolutions.AsNoTracking(), sort)
                .Select(r => new { r.Key, r.Body, r.Session, r.AdoptionDate, r.VoteMode, r.Status })
                .ToListAsync(cancellationToken);
            bySort[sort] = rows
                .Select(r => new Entry(r.Key, new BrowseFacets(r.Body, r.Session, r.AdoptionDate?.Year, r.VoteMode, r.Status)))
                .ToArray();
        }

        var cells = bySort[BrowseSort.DateDescending]
            .GroupBy(e => e.Facets)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        return new Orders(bySort, cells);
    }
}

/// <summary>The five values the home list filters and counts by (docs/browse.md).</summary>
/// <param name="Body">The body.</param>
/// <param name="Session">The session, or null when the record states none.</param>
/// <param name="Year">The year of adoption, or null (drafts, records without a date).</param>
/// <param name="Mode">The adoption mode.</param>
/// <param name="Status">Adopted or draft.</param>
public readonly record struct BrowseFacets(Body Body, int? Session, int? Year, VoteMode Mode, ResolutionStatus Status)
{
    /// <summary>True when these values pass every filter of <paramref name="filter"/> that is set: the in-memory twin of <see cref="BrowseFilter.Apply"/>.</summary>
    public bool Pass(BrowseFilter filter) =>
        (filter.Body is not { } body || Body == body)
        && (filter.Session is not { } session || Session == session)
        && (filter.Year is not { } year || Year == year)
        && (filter.Mode is not { } mode || Mode == mode)
        && (filter.Status is not { } status || Status == status);
}
