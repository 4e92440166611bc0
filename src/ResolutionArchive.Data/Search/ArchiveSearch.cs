using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Search;

/// <summary>
/// Runs searches (docs/search.md §3–§5). One FTS5 query finds every matching entry with its bm25 score; the ranked
/// list (score, then newest adoption date, then key and document order) is cached per query expression, and the
/// entries' facets (body, session, date, kind, verb) are held in memory — both tagged with the archive's revision
/// (<see cref="ArchiveRevision.ReadAsync"/>) and dropped when an import changes it. Filters, facet counts, grouping and
/// paging then run over the cached list; only the shown page's texts are read, for the snippets. Thread-safe: the web
/// keeps one instance.
/// </summary>
public sealed class ArchiveSearch : IDisposable
{
    /// <summary>
    /// Ranked lists kept at most: a <see cref="MemoryCache"/> with this size limit,
    /// each list of size 1; when it is full, a quarter of the entries, the least recently used first, are compacted away.
    /// </summary>
    public const int CacheSize = 512;

    private readonly MemoryCache _ranked = new(new MemoryCacheOptions { SizeLimit = CacheSize, CompactionPercentage = 0.25 });
    private static readonly MemoryCacheEntryOptions OneEntry = new() { Size = 1 };
    private readonly RevisionCache<Snapshot> _snapshots;

    /// <summary>A search service with its own caches (the web keeps one).</summary>
    public ArchiveSearch() => _snapshots = new RevisionCache<Snapshot>(LoadSnapshotAsync);

    /// <summary>Frees the cached ranked lists.</summary>
    public void Dispose() => _ranked.Dispose();

    /// <summary>When false, every search runs its FTS5 query again (the benchmark's "uncached" figures).</summary>
    public bool CacheRankedLists { get; init; } = true;

    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The query has a problem (check <see cref="SearchQuery.Problem"/> first).</exception>
    public async Task<SearchResults> SearchAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.Problem is { } problem)
        {
            throw new ArgumentException($"the query cannot run: {problem}", nameof(request));
        }

        var snapshot = await SnapshotAsync(db, cancellationToken);
        var ranked = await RankedAsync(db, snapshot, request.Query.ToMatchExpression(), cancellationToken);
        var filtered = ranked.Filter(request.Filters, f => Filter(snapshot, ranked, f));
        var kept = filtered.Kept;
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        var terms = request.Query.Required.Select(t => t.Text).ToList();
        var resolutionCount = filtered.Groups.Count;
        IReadOnlyList<SearchHit> hits = [];
        IReadOnlyList<SearchGroup> groups = [];
        int pageCount;
        int page;
        if (request.Layout == SearchLayout.Flat)
        {
            pageCount = Math.Max(1, (kept.Count + pageSize - 1) / pageSize);
            page = Math.Clamp(request.Page, 1, pageCount);
            var shown = kept.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            hits = await HitsAsync(db, snapshot, ranked, shown, terms, cancellationToken);
        }
        else
        {
            var byResolution = filtered.Groups;
            pageCount = Math.Max(1, (byResolution.Count + pageSize - 1) / pageSize);
            page = Math.Clamp(request.Page, 1, pageCount);
            var shown = byResolution.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            var best = shown.SelectMany(g => g.Ranks.Take(Math.Max(1, request.HitsPerGroup))).ToList();
            var found = (await HitsAsync(db, snapshot, ranked, best, terms, cancellationToken)).ToList();
            var at = 0;
            var built = new List<SearchGroup>(shown.Count);
            foreach (var (r, positions) in shown)
            {
                var count = Math.Min(positions.Count, Math.Max(1, request.HitsPerGroup));
                var groupHits = found.Skip(at).Take(count).Zip(best.Skip(at).Take(count))
                    .OrderBy(pair => snapshot.Entries[ranked.Entries[pair.Second]].Ordinal).Select(pair => pair.First).ToList();
                at += count;
                built.Add(new SearchGroup(snapshot.Resolutions[r], positions.Count, groupHits));
            }

            groups = built;
        }

        return new SearchResults(
            kept.Count,
            resolutionCount,
            page,
            pageCount,
            hits,
            groups,
            filtered.Verbs,
            filtered.Kinds,
            filtered.Bodies);
    }

    /// <summary>
    /// Every resolution with at least one entry matching <paramref name="query"/> under <paramref name="filters"/>, in the
    /// order of its best hit (the grouped layout's order, all pages at once): what "how the states voted on the texts
    /// that match" counts over (docs/voting.md §9). Uses the same cached ranked list as <see cref="SearchAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The query has a problem (check <see cref="SearchQuery.Problem"/> first).</exception>
    public async Task<IReadOnlyList<SearchResolution>> MatchingResolutionsAsync(ArchiveDbContext db, SearchQuery query, SearchFilters filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Problem is { } problem)
        {
            throw new ArgumentException($"the query cannot run: {problem}", nameof(query));
        }

        var snapshot = await SnapshotAsync(db, cancellationToken);
        var ranked = await RankedAsync(db, snapshot, query.ToMatchExpression(), cancellationToken);
        var filtered = ranked.Filter(filters, f => Filter(snapshot, ranked, f));
        return filtered.Groups.Select(g => snapshot.Resolutions[g.Resolution]).ToList();
    }

    /// <summary>
    /// Applies <paramref name="filters"/> to a ranked list: the entries kept (in rank order, as indexes into the ranked
    /// list), the facet counts (each without its own filter), and the groups by resolution in rank order. Computed
    /// once per ranked list and filters, then reused by every page of that search.
    /// </summary>
    private static Filtered Filter(Snapshot snapshot, Ranked ranked, SearchFilters filters)
    {
        var verbs = new Dictionary<string, int>(StringComparer.Ordinal);
        var kinds = new Dictionary<SearchKindFilter, int>();
        var bodies = new Dictionary<Body, int>();
        var kept = new List<int>();
        for (var rank = 0; rank < ranked.Entries.Length; rank++)
        {
            var entry = snapshot.Entries[ranked.Entries[rank]];
            var resolution = snapshot.Resolutions[entry.Resolution];
            var baseOk = Passes(filters, resolution);
            var kind = KindOf(entry.Kind);
            var kindOk = filters.Kind is null || filters.Kind == kind;
            var verbOk = filters.Verb is null || string.Equals(filters.Verb, entry.Verb, StringComparison.Ordinal);
            var bodyOk = filters.Body is null || filters.Body == resolution.Body;
            if (baseOk && kindOk && bodyOk && entry.Verb is not null)
            {
                verbs[entry.Verb] = verbs.GetValueOrDefault(entry.Verb) + 1;
            }

            if (baseOk && verbOk && bodyOk)
            {
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }

            if (baseOk && kindOk && verbOk)
            {
                bodies[resolution.Body] = bodies.GetValueOrDefault(resolution.Body) + 1;
                if (bodyOk)
                {
                    kept.Add(rank);
                }
            }
        }

        var groups = new List<(int Resolution, List<int> Ranks)>();
        var index = new Dictionary<int, int>();
        foreach (var rank in kept)
        {
            var r = snapshot.Entries[ranked.Entries[rank]].Resolution;
            if (!index.TryGetValue(r, out var slot))
            {
                index[r] = slot = groups.Count;
                groups.Add((r, []));
            }

            groups[slot].Ranks.Add(rank);
        }

        return new Filtered(
            kept,
            groups,
            verbs.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => new FacetCount(v.Key, v.Value)).ToList(),
            kinds.OrderBy(k => k.Key).Select(k => new FacetCount(k.Key.ToString(), k.Value)).ToList(),
            bodies.OrderBy(b => b.Key).Select(b => new FacetCount(b.Key.ToString(), b.Value)).ToList());
    }

    /// <summary>
    /// The ids of every <c>SearchEntries</c> row matching <paramref name="query"/>, straight from FTS5 (no cache, no
    /// filter): what the exactness tests compare with a brute-force scan.
    /// </summary>
    public static async Task<IReadOnlySet<int>> MatchingEntryIdsAsync(ArchiveDbContext db, SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var ids = new HashSet<int>();
        await using var command = await CommandAsync(db, "SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH $match", cancellationToken);
        command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$match", query.ToMatchExpression()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    private static SearchKindFilter KindOf(SearchEntryKind kind) => kind switch
    {
        SearchEntryKind.Preamble => SearchKindFilter.Preamble,
        SearchEntryKind.Operative or SearchEntryKind.SubParagraph => SearchKindFilter.Operative,
        SearchEntryKind.Footnote => SearchKindFilter.Footnote,
        _ => SearchKindFilter.Annex,
    };

    private static bool Passes(SearchFilters f, SearchResolution r) =>
        (f.SessionFrom is null || r.Session >= f.SessionFrom)
        && (f.SessionTo is null || r.Session <= f.SessionTo)
        && (f.YearFrom is null || r.AdoptionDate?.Year >= f.YearFrom)
        && (f.YearTo is null || r.AdoptionDate?.Year <= f.YearTo)
        && (f.Mode is null || r.Mode == f.Mode)
        && (f.Key is null || string.Equals(f.Key, r.Key, StringComparison.Ordinal));

    private static async Task<List<SearchHit>> HitsAsync(ArchiveDbContext db, Snapshot snapshot, Ranked ranked, IReadOnlyList<int> ranks, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var positions = ranks.Select(r => ranked.Entries[r]).ToList();
        var paragraphIds = positions.Select(p => snapshot.Entries[p].ParagraphId).OfType<int>().ToList();
        var footnoteIds = positions.Select(p => snapshot.Entries[p].FootnoteId).OfType<int>().ToList();
        var paragraphs = await db.Paragraphs.AsNoTracking().Where(p => paragraphIds.Contains(p.Id)).Select(p => new { p.Id, p.Text }).ToDictionaryAsync(p => p.Id, p => p.Text, cancellationToken);
        var footnotes = await db.Footnotes.AsNoTracking().Where(f => footnoteIds.Contains(f.Id)).Select(f => new { f.Id, f.Text }).ToDictionaryAsync(f => f.Id, f => f.Text, cancellationToken);
        return ranks.Select(rank =>
        {
            var entry = snapshot.Entries[ranked.Entries[rank]];
            var text = entry.ParagraphId is { } pid ? paragraphs.GetValueOrDefault(pid, "") : footnotes.GetValueOrDefault(entry.FootnoteId ?? 0, "");
            return new SearchHit(snapshot.Resolutions[entry.Resolution], entry.Kind, entry.Anchor, entry.Label, entry.Verb, ranked.Scores[rank], SearchSnippet.Build(text, terms));
        }).ToList();
    }

    private async Task<Ranked> RankedAsync(ArchiveDbContext db, Snapshot snapshot, string match, CancellationToken cancellationToken)
    {
        var cacheKey = snapshot.Revision.ToString(CultureInfo.InvariantCulture) + "\n" + match;
        if (CacheRankedLists && _ranked.TryGetValue(cacheKey, out Ranked? cached) && cached is not null)
        {
            return cached;
        }

        // (score, tie-break rank, position): sorted as plain structs, the tie-break (newest first, then key and document
        // order) precomputed in the snapshot
        var rows = new List<(double Score, int Tie, int Position)>();
        await using (var command = await CommandAsync(db, "SELECT rowid, bm25(SearchIndex) FROM SearchIndex WHERE SearchIndex MATCH $match", cancellationToken))
        {
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$match", match));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (snapshot.PositionOf.TryGetValue(reader.GetInt32(0), out var position))
                {
                    rows.Add((reader.GetDouble(1), snapshot.TieRank[position], position));
                }
            }
        }

        var sorted = rows.ToArray();
        Array.Sort(sorted, static (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Tie.CompareTo(b.Tie));
        var ranked = new Ranked([.. sorted.Select(r => r.Position)], [.. sorted.Select(r => r.Score)]);
        if (CacheRankedLists)
        {
            _ranked.Set(cacheKey, ranked, OneEntry);
        }

        return ranked;
    }

    private async Task<Snapshot> SnapshotAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        (await _snapshots.GetAsync(db, cancellationToken)).Value;

    /// <summary>Reads every entry's facets for <paramref name="revision"/> and drops the ranked lists of older revisions.</summary>
    private async Task<Snapshot> LoadSnapshotAsync(ArchiveDbContext db, long revision, CancellationToken cancellationToken)
    {
        var rows = await db.Resolutions.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.AdoptionDate, r.VoteMode, r.YesCount, r.NoCount, r.AbstainCount })
            .ToListAsync(cancellationToken);
        var resolutions = rows.Select(r => new SearchResolution(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.AdoptionDate, r.VoteMode, r.YesCount, r.NoCount, r.AbstainCount)).ToArray();
        var resolutionIndex = rows.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var entries = new List<EntryInfo>();
        var positionOf = new Dictionary<int, int>();
        await using (var command = await CommandAsync(db, "SELECT Id, ResolutionId, Kind, Ordinal, Anchor, Label, Verb, ParagraphId, FootnoteId FROM SearchEntries", cancellationToken))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!resolutionIndex.TryGetValue(reader.GetInt32(1), out var r))
                {
                    continue;
                }

                positionOf[reader.GetInt32(0)] = entries.Count;
                entries.Add(new EntryInfo(
                    r,
                    Enum.Parse<SearchEntryKind>(reader.GetString(2)),
                    reader.GetInt32(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : string.Intern(reader.GetString(5)),
                    reader.IsDBNull(6) ? null : string.Intern(reader.GetString(6)),
                    reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8)));
            }
        }

        // the tie-break among equal scores (docs/search.md §5): newest first, undated last, then key, then document order
        var order = Enumerable.Range(0, entries.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var (ea, eb) = (entries[a], entries[b]);
            var (ra, rb) = (resolutions[ea.Resolution], resolutions[eb.Resolution]);
            var byDate = Nullable.Compare(rb.AdoptionDate, ra.AdoptionDate);
            return byDate != 0 ? byDate
                : string.CompareOrdinal(ra.Key, rb.Key) is var byKey and not 0 ? byKey
                : ea.Ordinal.CompareTo(eb.Ordinal);
        });
        var tieRank = new int[entries.Count];
        for (var i = 0; i < order.Length; i++)
        {
            tieRank[order[i]] = i;
        }

        var snapshot = new Snapshot(revision, resolutions, [.. entries], positionOf, tieRank);
        // the lists of older revisions can no longer be asked for (the revision is in their key): free them
        _ranked.Clear();

        return snapshot;
    }

    private static async Task<System.Data.Common.DbCommand> CommandAsync(ArchiveDbContext db, string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private sealed record EntryInfo(int Resolution, SearchEntryKind Kind, int Ordinal, string Anchor, string? Label, string? Verb, int? ParagraphId, int? FootnoteId);

    private sealed record Snapshot(long Revision, SearchResolution[] Resolutions, EntryInfo[] Entries, Dictionary<int, int> PositionOf, int[] TieRank);

    /// <summary>A query's matches in rank order (positions in the snapshot) with their scores, and its filtered views.</summary>
    private sealed class Ranked(int[] entries, double[] scores)
    {
        private const int MaxFiltered = 64;
        private readonly ConcurrentDictionary<SearchFilters, Filtered> _filtered = new();

        /// <summary>The matches' positions in the snapshot, in rank order.</summary>
        public int[] Entries { get; } = entries;

        /// <summary>Their bm25 scores, in the same order.</summary>
        public double[] Scores { get; } = scores;

        public Filtered Filter(SearchFilters filters, Func<SearchFilters, Filtered> compute)
        {
            if (_filtered.Count > MaxFiltered)
            {
                _filtered.Clear();
            }

            return _filtered.GetOrAdd(filters, compute);
        }
    }

    /// <summary>A ranked list under some filters (see <see cref="Filter(Snapshot, Ranked, SearchFilters)"/>).</summary>
    private sealed record Filtered(List<int> Kept, List<(int Resolution, List<int> Ranks)> Groups, IReadOnlyList<FacetCount> Verbs, IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Bodies);
}
