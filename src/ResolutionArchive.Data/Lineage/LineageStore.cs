using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Lineage;

/// <summary>What a lineage computation did.</summary>
/// <param name="Paragraphs">Paragraphs compared.</param>
/// <param name="Candidates">Pairs whose similarity was computed (the rest were ruled out by the prefix filter).</param>
/// <param name="Links">Links stored.</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record LineageStats(int Paragraphs, long Candidates, int Links, TimeSpan Elapsed);

/// <summary>
/// Finds each paragraph's closest counterparts in the other records and stores them in <c>ParagraphLinks</c>
/// (docs/lineage.md §2). Compared are preambular paragraphs, operative paragraphs and sub-paragraphs whose comparison
/// key (<see cref="ParagraphSimilarity.Key"/>) has at least <see cref="MinLength"/> characters; each keeps its
/// <see cref="TopK"/> best counterparts with a similarity of at least <see cref="ParagraphSimilarity.Threshold"/>.
/// All pairs above the threshold are found exactly, without comparing every pair, by the prefix filter of the
/// AllPairs similarity join (Bayardo, Ma and Srikant, WWW 2007): bigrams are ordered from rarest to most frequent, and
/// two sets with Jaccard ≥ t must share one of the first |x| − ⌈t·|x|⌉ + 1 bigrams of each.
/// <see cref="RebuildAsync"/> computes the whole archive (the CLI after a large import, the site after seeding);
/// <see cref="UpdateAsync"/> adds one record to an existing archive. Both run in one transaction and increase the
/// archive's revision, so the pages' caches follow.
/// </summary>
public static class LineageStore
{
    /// <summary>Counterparts kept per paragraph.</summary>
    public const int TopK = 5;

    /// <summary>The shortest comparison key compared, in characters: shorter texts ("(a)", a heading) say too little.</summary>
    public const int MinLength = 8;

    /// <summary>The name of the migration that created <c>ParagraphLinks</c>; an archive upgraded through it is linked.</summary>
    public const string Migration = "ParagraphLineage";

    /// <summary>Recomputes every paragraph's counterparts and replaces the table.</summary>
    public static async Task<LineageStats> RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var watch = Stopwatch.StartNew();
        var items = await LoadAsync(db, cancellationToken);
        var (best, candidates) = Join(items, items.Count, cancellationToken);
        var links = TopLinks(best);
        await WriteAsync(db, "DELETE FROM ParagraphLinks", links, cancellationToken);
        return new LineageStats(items.Count, candidates, links.Count, watch.Elapsed);
    }

    /// <summary>
    /// Links the paragraphs of the record with key <paramref name="key"/> to the rest of the archive: its own
    /// counterparts, and it as a counterpart of the others' paragraphs where it is among their <see cref="TopK"/> best.
    /// Returns null when there is no such record.
    /// </summary>
    public static async Task<LineageStats?> UpdateAsync(ArchiveDbContext db, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var watch = Stopwatch.StartNew();
        var resolutionId = await db.Resolutions.Where(r => r.Key == key).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (resolutionId is null)
        {
            return null;
        }

        var all = await LoadAsync(db, cancellationToken);
        // the others first, then the record's own paragraphs: the join probes only the latter against the former
        var items = all.Where(i => i.Resolution != resolutionId).Concat(all.Where(i => i.Resolution == resolutionId)).ToList();
        var (best, candidates) = Join(items, items.Count(i => i.Resolution != resolutionId), cancellationToken);
        var mine = all.Where(i => i.Resolution == resolutionId).Select(i => i.Id).ToHashSet();

        // the others' best lists: their stored links plus their best new ones, cut to TopK again
        var touched = best.Keys.Where(id => !mine.Contains(id)).ToHashSet();
        var stored = touched.Count == 0 ? [] : await db.ParagraphLinks.AsNoTracking()
            .Where(l => touched.Contains(l.ParagraphId)).Select(l => new { l.ParagraphId, l.CounterpartId, l.Score }).ToListAsync(cancellationToken);
        foreach (var link in stored.Where(l => !mine.Contains(l.CounterpartId)))
        {
            best[link.ParagraphId].Offer(link.CounterpartId, link.Score);
        }

        var links = TopLinks(best);
        var ids = string.Join(",", mine.Concat(touched));
        await WriteAsync(db, ids.Length == 0 ? null : $"DELETE FROM ParagraphLinks WHERE ParagraphId IN ({ids})", links, cancellationToken);
        return new LineageStats(mine.Count, candidates, links.Count(l => mine.Contains(l.ParagraphId)), watch.Elapsed);
    }

    /// <summary>One compared paragraph: its id, its record, and its bigrams (sorted by value).</summary>
    private sealed record Item(int Id, int Resolution, int[] Bigrams);

    private static async Task<List<Item>> LoadAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Paragraphs.AsNoTracking()
            .Where(p => p.Kind == ParagraphKind.Preamble || p.Kind == ParagraphKind.Operative || p.Kind == ParagraphKind.SubParagraph)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.ResolutionId, p.Text })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r, Key: ParagraphSimilarity.Key(r.Text)))
            .Where(x => x.Key.Length >= MinLength)
            .Select(x => new Item(x.r.Id, x.r.ResolutionId, ParagraphSimilarity.Bigrams(x.Key)))
            .ToList();
    }

    /// <summary>
    /// Every pair of items of different records with similarity ≥ the threshold, where the second item's position is
    /// at least <paramref name="probeFrom"/> (with <paramref name="probeFrom"/> = count, a self-join of all items).
    /// Items before <paramref name="probeFrom"/> are indexed only; items from it on are probed (against the indexed
    /// ones, and in a self-join against the items before them). Returns each pair once as (A, B, score).
    /// The PPJoin algorithm (Xiao, Wang, Lin and Yu, WWW 2008), exact for Jaccard ≥ t:
    /// 1. every bigram gets its rank, rarest first (ties by value), and each item becomes its ranks in ascending order;
    /// 2. two sets with Jaccard ≥ t share one of the first |x| − ⌈t·|x|⌉ + 1 ranks of each (the prefix filter), so only
    ///    prefixes are indexed, with each rank's position in its item;
    /// 3. the first shared rank, at positions i and j, bounds the overlap by 1 + min(|x| − i − 1, |y| − j − 1): a pair
    ///    whose bound is below the overlap Jaccard ≥ t needs, ⌈t / (1 + t) · (|x| + |y|)⌉, is ruled out there (the
    ///    positional filter), as is one whose sizes differ too much (the length filter);
    /// 4. the rest is verified by merging the two rank arrays. Probing runs in parallel, each thread on its own items.
    /// A pair found is offered at once to both paragraphs' best lists (<see cref="BestLinks"/>, one set per thread, merged
    /// at the end), so that memory grows with the paragraphs, not with the pairs: a record of thousands of near-identical
    /// paragraphs makes millions of pairs (docs/performance.md "Lineage").
    /// Returns each paragraph's <see cref="TopK"/> best counterparts, by paragraph id; a paragraph with none is absent.
    /// </summary>
    private static (Dictionary<int, BestLinks> Best, long Candidates) Join(List<Item> items, int probeFrom, CancellationToken cancellationToken)
    {
        var selfJoin = probeFrom == items.Count;
        var frequency = new Dictionary<int, int>();
        foreach (var item in items)
        {
            foreach (var token in item.Bigrams)
            {
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
            }
        }

        // 1. ranks, rarest first; ties by value, so the order is total and the same on every run
        var rank = frequency.OrderBy(f => f.Value).ThenBy(f => f.Key).Select((f, r) => (f.Key, r)).ToDictionary(x => x.Key, x => x.r);
        var ranked = items.Select(item =>
        {
            var r = item.Bigrams.Select(t => rank[t]).ToArray();
            Array.Sort(r);
            return r;
        }).ToArray();
        int PrefixLength(int[] r) => Math.Clamp(r.Length - (int)Math.Ceiling(ParagraphSimilarity.Threshold * r.Length - 1e-9) + 1, 0, r.Length);

        // 2. the index of prefixes: rank → (item, position of the rank in it), items in ascending order
        var indexed = selfJoin ? items.Count : probeFrom;
        var index = new Dictionary<int, List<(int Item, int Position)>>();
        for (var i = 0; i < indexed; i++)
        {
            var prefix = PrefixLength(ranked[i]);
            for (var k = 0; k < prefix; k++)
            {
                if (!index.TryGetValue(ranked[i][k], out var list))
                {
                    index[ranked[i][k]] = list = [];
                }

                list.Add((i, k));
            }
        }

        var first = selfJoin ? 0 : probeFrom;
        var perThread = new System.Collections.Concurrent.ConcurrentBag<BestLinks?[]>();
        long candidates = 0;
        var t = ParagraphSimilarity.Threshold;
        Parallel.For(
            first,
            items.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Seen: new int[items.Count], Candidates: 0L, Best: new BestLinks?[items.Count]),
            (position, _, local) =>
            {
                var x = ranked[position];
                var item = items[position];
                var prefix = PrefixLength(x);
                for (var i = 0; i < prefix; i++)
                {
                    if (!index.TryGetValue(x[i], out var list))
                    {
                        continue;
                    }

                    foreach (var (other, j) in list)
                    {
                        // a self-join pairs each item with those before it, so each pair is found once
                        if (selfJoin && other >= position)
                        {
                            break;
                        }

                        if (local.Seen[other] == position + 1)
                        {
                            continue;
                        }

                        local.Seen[other] = position + 1; // the first shared rank: the positional filter holds here
                        var candidate = items[other];
                        var y = ranked[other];
                        if (candidate.Resolution == item.Resolution)
                        {
                            continue;
                        }

                        // 3. length filter (t·|x| ≤ |y| ≤ |x| / t) and positional filter
                        var (small, large) = x.Length < y.Length ? (x.Length, y.Length) : (y.Length, x.Length);
                        if (small < t * large - 1e-9)
                        {
                            continue;
                        }

                        var needed = (int)Math.Ceiling(t / (1 + t) * (x.Length + y.Length) - 1e-9);
                        if (1 + Math.Min(x.Length - i - 1, y.Length - j - 1) < needed)
                        {
                            continue;
                        }

                        // 4. verify
                        local.Candidates++;
                        var common = ParagraphSimilarity.Overlap(x, y);
                        var score = (double)common / (x.Length + y.Length - common);
                        if (score >= t - 1e-12)
                        {
                            (local.Best[other] ??= new BestLinks()).Offer(item.Id, score);
                            (local.Best[position] ??= new BestLinks()).Offer(candidate.Id, score);
                        }
                    }
                }

                return local;
            },
            local =>
            {
                Interlocked.Add(ref candidates, local.Candidates);
                perThread.Add(local.Best);
            });

        var best = new Dictionary<int, BestLinks>();
        foreach (var lists in perThread)
        {
            for (var i = 0; i < lists.Length; i++)
            {
                if (lists[i] is not { } list)
                {
                    continue;
                }

                if (!best.TryGetValue(items[i].Id, out var merged))
                {
                    best[items[i].Id] = merged = new BestLinks();
                }

                foreach (var (to, score) in list.Links)
                {
                    merged.Offer(to, score);
                }
            }
        }

        return (best, candidates);
    }

    /// <summary>Each paragraph's best links as rows, the score rounded to 6 decimals.</summary>
    private static List<ParagraphLinkEntity> TopLinks(Dictionary<int, BestLinks> best) =>
        best.OrderBy(b => b.Key)
            .SelectMany(b => b.Value.Links.Select(l => new ParagraphLinkEntity { ParagraphId = b.Key, CounterpartId = l.To, Score = Math.Round(l.Score, 6) }))
            .ToList();

    /// <summary>
    /// One paragraph's best <see cref="TopK"/> counterparts so far: by score, highest first, then by the lower paragraph
    /// id; offering a counterpart already held changes nothing.
    /// </summary>
    internal sealed class BestLinks
    {
        private readonly List<(int To, double Score)> _links = new(TopK);

        /// <summary>The links held, best first.</summary>
        public IReadOnlyList<(int To, double Score)> Links => _links;

        /// <summary>Keeps (<paramref name="to"/>, <paramref name="score"/>) when it is among the best <see cref="TopK"/>.</summary>
        public void Offer(int to, double score)
        {
            var at = 0;
            while (at < _links.Count && (_links[at].Score > score || (_links[at].Score == score && _links[at].To < to)))
            {
                at++;
            }

            if (at >= TopK || _links.Exists(l => l.To == to))
            {
                return;
            }

            _links.Insert(at, (to, score));
            if (_links.Count > TopK)
            {
                _links.RemoveAt(TopK);
            }
        }
    }

    private static async Task WriteAsync(ArchiveDbContext db, string? deleteSql, List<ParagraphLinkEntity> links, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (deleteSql is not null)
            {
                await db.Database.ExecuteSqlRawAsync(deleteSql, cancellationToken);
            }

            var connection = db.Database.GetDbConnection();
            await using DbCommand insert = connection.CreateCommand();
            insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            insert.CommandText = "INSERT INTO ParagraphLinks (ParagraphId, CounterpartId, Score) VALUES ($p, $c, $s)";
            var p = insert.CreateParameter();
            p.ParameterName = "$p";
            var c = insert.CreateParameter();
            c.ParameterName = "$c";
            var s = insert.CreateParameter();
            s.ParameterName = "$s";
            insert.Parameters.Add(p);
            insert.Parameters.Add(c);
            insert.Parameters.Add(s);
            foreach (var link in links)
            {
                p.Value = link.ParagraphId;
                c.Value = link.CounterpartId;
                s.Value = link.Score;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await ArchiveRevision.BumpAsync(db, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
