using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Lineage;

/// <summary>A record in a series.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Symbol">Its symbol; null for a draft.</param>
/// <param name="Number">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">HRC or GA.</param>
/// <param name="Session">Its session.</param>
/// <param name="Date">Its adoption date; null for a draft.</param>
public sealed record SeriesMember(string Key, string? Symbol, string Number, string Title, Body Body, int? Session, DateOnly? Date);

/// <summary>Where a paragraph came from (docs/lineage.md §2).</summary>
/// <param name="Anchor">The paragraph's anchor in this record.</param>
/// <param name="Source">The earlier record it came from.</param>
/// <param name="SourceAnchor">The counterpart's anchor there.</param>
/// <param name="SourceLabel">The counterpart's number (operative) or position (preamble), as the pages print it.</param>
/// <param name="Score">Similarity.</param>
/// <param name="Identical">True when the texts are the same once normalised (<see cref="ParagraphSimilarity.Identical"/>).</param>
public sealed record ParagraphOrigin(string Anchor, SeriesMember Source, string SourceAnchor, string? SourceLabel, double Score, bool Identical);

/// <summary>
/// The records' relations derived from <c>ParagraphLinks</c> (docs/lineage.md §2), kept in memory per archive revision:
/// for each pair of records, how many of each one's compared paragraphs have a counterpart in the other; the series
/// (records of which the smaller shares most of its paragraphs with the other, transitively); and the origin of each
/// paragraph. Thread-safe; the web
/// keeps one instance.
/// </summary>
public sealed class LineageGraph
{
    /// <summary>
    /// The least share of the smaller record's compared paragraphs that must have a counterpart in the other for two
    /// records to be in one series (docs/lineage.md §2).
    /// </summary>
    public const double SeriesShare = 0.5;

    /// <summary>The fewest shared paragraphs for two records to be in one series (so two short procedural texts are not).</summary>
    public const int SeriesMinShared = 5;

    private readonly RevisionCache<Snapshot> _cache = new(LoadAsync);

    /// <summary>The series of the record with key <paramref name="key"/>, oldest first (it alone when it has none).</summary>
    public async Task<IReadOnlyList<SeriesMember>> SeriesOfAsync(ArchiveDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var snapshot = await GetAsync(db, cancellationToken);
        if (!snapshot.IdOf.TryGetValue(key, out var id))
        {
            return [];
        }

        var root = snapshot.Find(id);
        return snapshot.Members.Values.Where(m => snapshot.Find(m.Id) == root).Select(m => m.Member)
            .OrderBy(m => Chronology(m)).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Where each paragraph of the record with key <paramref name="key"/> came from: its best counterpart in the most
    /// recent earlier record (docs/lineage.md §2: earlier by adoption date, or by session within a body when a date is
    /// missing). Paragraphs absent from the result are new in this record, or were not compared.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ParagraphOrigin>> OriginsAsync(ArchiveDbContext db, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var snapshot = await GetAsync(db, cancellationToken);
        if (!snapshot.IdOf.TryGetValue(key, out var id))
        {
            return new Dictionary<string, ParagraphOrigin>();
        }

        var me = snapshot.Members[id].Member;
        var links = await (from l in db.ParagraphLinks.AsNoTracking()
                           join p in db.Paragraphs.AsNoTracking() on l.ParagraphId equals p.Id
                           join c in db.Paragraphs.AsNoTracking() on l.CounterpartId equals c.Id
                           where p.ResolutionId == id
                           select new { p.Anchor, PText = p.Text, c.ResolutionId, CAnchor = c.Anchor, CKind = c.Kind, CNumber = c.Number, CText = c.Text, l.Score })
            .ToListAsync(cancellationToken);
        var origins = new Dictionary<string, ParagraphOrigin>(StringComparer.Ordinal);
        foreach (var group in links.Where(l => snapshot.Members.ContainsKey(l.ResolutionId) && IsEarlier(snapshot.Members[l.ResolutionId].Member, me)).GroupBy(l => l.Anchor))
        {
            var best = group.OrderByDescending(l => Chronology(snapshot.Members[l.ResolutionId].Member)).ThenByDescending(l => l.Score).First();
            var label = best.CKind == ParagraphKind.Preamble && best.CAnchor.StartsWith("pp", StringComparison.Ordinal) ? best.CAnchor[2..] : best.CNumber;
            origins[group.Key] = new ParagraphOrigin(group.Key, snapshot.Members[best.ResolutionId].Member, best.CAnchor, label, best.Score, ParagraphSimilarity.Identical(best.PText, best.CText));
        }

        return origins;
    }

    /// <summary>
    /// True when <paramref name="a"/> came before <paramref name="b"/>: by adoption date when both have one; else, in
    /// the same body, by session (a draft of session 43 comes after resolution 37/23 and before 46/13).
    /// </summary>
    public static bool IsEarlier(SeriesMember a, SeriesMember b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Date is { } da && b.Date is { } db)
        {
            return da < db;
        }

        return a.Body == b.Body && a.Session is { } sa && b.Session is { } sb && sa < sb;
    }

    /// <summary>A sort key in time: the adoption date, or for a draft the middle of the year its session most likely met in.</summary>
    private static (int, int) Chronology(SeriesMember m) => m.Date is { } d ? (d.Year, d.DayOfYear) : (m.Session ?? 0, 0) switch
    {
        var (s, _) when m.Body == Body.HRC && s > 0 => (2006 + (s - 1) / 3, 183), // three sessions a year since 2006: 37 → 2018, 43 → 2020
        var (s, _) when m.Body == Body.GA && s > 0 => (1945 + s, 365), // session n opens in September of 1945 + n
        _ => (9999, 0),
    };

    private async Task<Snapshot> GetAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        (await _cache.GetAsync(db, cancellationToken)).Value;

    private static async Task<Snapshot> LoadAsync(ArchiveDbContext db, long revision, CancellationToken cancellationToken)
    {
        var records = await db.Resolutions.AsNoTracking()
            .Select(r => new { r.Id, r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.AdoptionDate }).ToListAsync(cancellationToken);
        var compared = await db.Paragraphs.AsNoTracking()
            .Where(p => p.Kind == ParagraphKind.Preamble || p.Kind == ParagraphKind.Operative || p.Kind == ParagraphKind.SubParagraph)
            .GroupBy(p => p.ResolutionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var pairs = await (from l in db.ParagraphLinks.AsNoTracking()
                           join p in db.Paragraphs.AsNoTracking() on l.ParagraphId equals p.Id
                           join c in db.Paragraphs.AsNoTracking() on l.CounterpartId equals c.Id
                           select new { From = p.ResolutionId, To = c.ResolutionId, p.Id })
            .Distinct()
            .GroupBy(x => new { x.From, x.To })
            .Select(g => new { g.Key.From, g.Key.To, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var members = records.ToDictionary(r => r.Id, r => (r.Id, Member: new SeriesMember(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.AdoptionDate)));
        var snapshot = new Snapshot(revision, members, records.ToDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal));
        // the smaller record's view decides: most of its paragraphs have a counterpart in the other (docs/lineage.md §2)
        foreach (var pair in pairs)
        {
            var mine = compared.GetValueOrDefault(pair.From);
            var theirs = compared.GetValueOrDefault(pair.To);
            var smaller = mine < theirs || (mine == theirs && pair.From < pair.To);
            if (smaller && pair.Count >= SeriesMinShared && pair.Count >= SeriesShare * mine)
            {
                snapshot.Union(pair.From, pair.To);
            }
        }

        return snapshot;
    }

    private sealed class Snapshot(long revision, Dictionary<int, (int Id, SeriesMember Member)> members, Dictionary<string, int> idOf)
    {
        private readonly Dictionary<int, int> _parent = [];

        public long Revision { get; } = revision;

        public Dictionary<int, (int Id, SeriesMember Member)> Members { get; } = members;

        public Dictionary<string, int> IdOf { get; } = idOf;

        public int Find(int id)
        {
            while (_parent.TryGetValue(id, out var parent) && parent != id)
            {
                id = parent;
            }

            return id;
        }

        public void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
    }
}
